-- MatrixOne's ngram full-text parser on MariaDB (see NgramFulltext.java). Statements are separated by lines holding
-- only $$; {schema} is the emulator's hidden schema.
--
-- A row's text (its indexed columns joined by a newline) becomes a stream of space-separated tokens in hex (so that
-- InnoDB sees every MatrixOne token as one word, byte for byte, whatever its characters):
--   * a run of letters and digits below U+07FF is one word, lower-cased, cut to 23 bytes (MatrixOne's limit);
--   * a run of other characters (CJK, emoji, ...) is one token per character followed by E (end of run): MatrixOne
--     indexes the 3-character n-gram starting at every character, which is a phrase of 3 of these tokens, and its
--     1- and 2-character prefixes are phrases too, which InnoDB could not do with n-gram words;
--   * punctuation and spaces separate; X<n> stands between two tokens n bytes apart when n is not 1, because
--     MatrixOne matches a phrase by byte offsets ('quick brown' does not find "quick,  brown").
$$
CREATE OR REPLACE FUNCTION `{schema}`.mo_ngram_stream(t LONGTEXT CHARSET utf8mb4, q INT)
RETURNS LONGTEXT CHARSET ascii DETERMINISTIC
BEGIN
  -- q = 0: a row's stream; q = 1: a natural-language pattern (a run it ends in may go on in the row, a last word
  -- under 3 characters is a prefix: a trailing *); q = 2: a boolean phrase (its last token a whole n-gram)
  DECLARE b LONGBLOB DEFAULT CAST(t AS BINARY);
  DECLARE n INT DEFAULT LENGTH(b);
  DECLARE i INT DEFAULT 1;
  DECLARE c, w, cls, e INT;
  DECLARE seg, segcls, lastcls, prev, runes INT DEFAULT 0;
  DECLARE word LONGTEXT CHARSET utf8mb4;
  DECLARE done LONGTEXT CHARSET ascii DEFAULT '';
  DECLARE part TEXT CHARSET ascii DEFAULT ''; -- appended to in small pieces, moved to done now and then
  IF t IS NULL THEN RETURN NULL; END IF;
  WHILE i <= n + 1 DO
    IF i > n THEN
      SET cls = 0, w = 1;
    ELSE
      SET c = ORD(SUBSTRING(b, i, 1));
      SET w = CASE WHEN c < 128 THEN 1 WHEN c < 224 THEN 2 WHEN c < 240 THEN 3 ELSE 4 END;
      IF c < 128 THEN
        SET cls = IF(c BETWEEN 48 AND 57 OR c BETWEEN 65 AND 90 OR c BETWEEN 97 AND 122, 1, 0);
      ELSEIF CONVERT(SUBSTRING(b, i, w) USING utf8mb4) RLIKE '^[\\p{P}\\p{Zs}\\x{85}\\x{2028}\\x{2029}]$' THEN
        SET cls = 0; -- Go's unicode.IsPunct or IsSpace
      ELSE
        SET cls = IF(w = 2 AND SUBSTRING(b, i, 2) <> X'DFBF', 1, 2); -- U+07FF is not below U+07FF
      END IF;
    END IF;
    IF cls <> segcls THEN
      IF segcls = 1 THEN
        SET e = i - seg;
        IF e > 23 THEN -- MatrixOne cuts at 23 bytes, and a character cut in two goes (with one more if 2 bytes long)
          SET c = ORD(SUBSTRING(b, seg + 22, 1));
          SET e = CASE WHEN c < 128 THEN 23 WHEN c >= 192 THEN 22 ELSE 21 END;
        END IF;
        SET word = LOWER(CONVERT(SUBSTRING(b, seg, e) USING utf8mb4)), runes = CHAR_LENGTH(word);
        SET part = CONCAT(part, IF(part = '' AND done = '', '', ' '), HEX(word));
      ELSEIF segcls = 2 THEN
        SET part = CONCAT(part, ' E');
      END IF;
      IF segcls <> 0 THEN SET prev = i, lastcls = segcls; END IF;
      IF LENGTH(part) > 4000 THEN SET done = CONCAT(done, part), part = ''; END IF;
      IF cls <> 0 THEN
        IF prev > 0 AND i - prev <> 1 THEN SET part = CONCAT(part, ' X', i - prev); END IF;
        SET seg = i, runes = 0;
      END IF;
      SET segcls = cls;
    END IF;
    IF cls = 2 THEN
      SET part = CONCAT(part, IF(part = '' AND done = '', '', ' '), HEX(SUBSTRING(b, i, w))), runes = runes + 1;
    END IF;
    SET i = i + w;
  END WHILE;
  SET done = CONCAT(done, part);
  IF lastcls = 2 AND (q = 1 OR q = 2 AND runes = 3) THEN
    RETURN LEFT(done, LENGTH(done) - 2);
  END IF;
  RETURN IF(q = 1 AND lastcls = 1 AND runes < 3, CONCAT(done, '*'), done);
END
$$
CREATE OR REPLACE FUNCTION `{schema}`.mo_ngram_prefix(p LONGTEXT CHARSET utf8mb4)
RETURNS LONGTEXT CHARSET ascii DETERMINISTIC
BEGIN
  -- MatrixOne's prefix_eq(word, p) on the raw text: a word starting with p, or an n-gram (at most 3 characters)
  DECLARE s LONGTEXT CHARSET ascii DEFAULT `{schema}`.mo_ngram_stream(p, 0);
  IF p = '' THEN
    SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 20203,
      MESSAGE_TEXT = 'invalid argument function prefix_eq, bad value [VARCHAR CHAR]';
  END IF;
  IF s = HEX(LOWER(p)) THEN
    RETURN CONCAT(HEX(p), '*'); -- not lower-cased: 'MO' finds nothing on MatrixOne either
  END IF;
  IF REPLACE(s, ' ', '') = CONCAT(HEX(p), 'E') AND CHAR_LENGTH(p) <= 3 THEN
    SET s = LEFT(s, LENGTH(s) - 2);
    RETURN IF(LOCATE(' ', s) > 0, CONCAT('"', s, '"'), s);
  END IF;
  RETURN 'Z'; -- no token starts so: nothing matches
END
$$
CREATE OR REPLACE FUNCTION `{schema}`.mo_ngram_leaf(w LONGTEXT CHARSET utf8mb4)
RETURNS LONGTEXT CHARSET ascii DETERMINISTIC
BEGIN
  -- a natural-language pattern, or a word of a boolean one: its tokens as a phrase; under 3 characters a prefix
  DECLARE s LONGTEXT CHARSET ascii;
  IF CHAR_LENGTH(w) < 3 THEN RETURN `{schema}`.mo_ngram_prefix(w); END IF;
  SET s = `{schema}`.mo_ngram_stream(w, 1);
  IF s = '' THEN
    SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 20101,
      MESSAGE_TEXT = 'internal error: Invalid input search string.  search string converted to empty pattern';
  END IF;
  IF LOCATE(' ', s) = 0 THEN RETURN s; END IF;
  IF RIGHT(s, 1) = '*' THEN -- InnoDB has no prefix inside a phrase: the short last word anywhere in the row
    RETURN CONCAT('(+"', LEFT(s, LENGTH(s) - LOCATE(' ', REVERSE(s))), '" +', SUBSTRING_INDEX(s, ' ', -1), ')');
  END IF;
  RETURN CONCAT('"', s, '"');
END
$$
CREATE OR REPLACE FUNCTION `{schema}`.mo_ngram_group(g LONGTEXT CHARSET utf8mb4)
RETURNS LONGTEXT CHARSET ascii DETERMINISTIC
BEGIN
  -- a bracketed group of a boolean pattern: MatrixOne finds any of its words (< > ~ inside only rank)
  DECLARE n INT DEFAULT CHAR_LENGTH(g);
  DECLARE i INT DEFAULT 1;
  DECLARE j INT;
  DECLARE w LONGTEXT CHARSET utf8mb4;
  DECLARE out_ LONGTEXT CHARSET ascii DEFAULT '';
  WHILE i <= n DO
    IF SUBSTRING(g, i, 1) IN (' ', '(', ')', '<', '>', '~') THEN
      SET i = i + 1;
    ELSEIF SUBSTRING(g, i, 1) IN ('+', '-') THEN
      SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 20101,
        MESSAGE_TEXT = 'internal error: sub-query cannot have +/-/phrase operator';
    ELSE
      SET j = i;
      WHILE j <= n AND SUBSTRING(g, j, 1) NOT IN (' ', '(', ')') DO SET j = j + 1; END WHILE;
      SET w = SUBSTRING(g, i, j - i), i = j;
      SET out_ = CONCAT(out_, IF(out_ = '', '', ' '), IF(RIGHT(w, 1) = '*',
        `{schema}`.mo_ngram_prefix(LEFT(w, CHAR_LENGTH(w) - 1)), `{schema}`.mo_ngram_leaf(w)));
    END IF;
  END WHILE;
  IF out_ = '' THEN
    SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 20101, MESSAGE_TEXT = 'internal error: sub-query is empty';
  END IF;
  RETURN IF(LOCATE(' ', out_) > 0, CONCAT('(', out_, ')'), out_);
END
$$
CREATE OR REPLACE FUNCTION `{schema}`.mo_ngram_against(p LONGTEXT CHARSET utf8mb4, bool INT)
RETURNS LONGTEXT CHARSET ascii DETERMINISTIC
BEGIN
  -- The InnoDB boolean-mode query over a stream column that finds the rows MatrixOne 4.2.0 finds for pattern p
  -- (bool: 0 natural language, 1 boolean mode). Boolean mode follows MatrixOne's parser and evaluation, quirks
  -- included: the pattern is lower-cased; only a whole pattern in double quotes is a phrase, whose words must each
  -- be one token; required terms come first, then the others as written, exclusions last; with a required term
  -- another word only ranks, < and > still add rows of the first required term; a bare group replaces what came
  -- before it.
  DECLARE n, i, j, depth, simple, anyplus, pass, replaced INT DEFAULT 0;
  DECLARE op, k VARCHAR(1) CHARSET utf8mb4;
  DECLARE inner_, w LONGTEXT CHARSET utf8mb4;
  DECLARE items, cc, c LONGTEXT CHARSET ascii DEFAULT '';
  DECLARE cshape VARCHAR(1) DEFAULT '';
  DECLARE r LONGTEXT CHARSET ascii;
  DECLARE shape VARCHAR(1) DEFAULT ''; -- of r: '' nothing yet, L one term, A all of (+x -y), O any of (x y)
  IF p IS NULL THEN RETURN NULL; END IF;
  IF bool = 0 THEN RETURN `{schema}`.mo_ngram_leaf(p); END IF;
  SET p = LOWER(p), n = CHAR_LENGTH(p);
  IF n >= 2 AND LEFT(p, 1) = '"' AND RIGHT(p, 1) = '"' THEN
    SET inner_ = TRIM(BOTH ' ' FROM SUBSTRING(p, 2, n - 2));
    IF inner_ = '' THEN
      SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 20101, MESSAGE_TEXT = 'internal error: phrase is empty string';
    END IF;
    SET i = 1;
    WHILE i <= CHAR_LENGTH(inner_) DO
      SET j = LOCATE(' ', inner_, i);
      IF j = 0 THEN SET j = CHAR_LENGTH(inner_) + 1; END IF;
      SET w = SUBSTRING(inner_, i, j - i), c = `{schema}`.mo_ngram_stream(w, 0);
      IF j > i AND c <> HEX(w) AND NOT (REPLACE(c, ' ', '') = CONCAT(HEX(w), 'E') AND CHAR_LENGTH(w) <= 3) THEN
        RETURN 'Z';
      END IF;
      SET i = j + 1;
    END WHILE;
    RETURN CONCAT('"', `{schema}`.mo_ngram_stream(inner_, 2), '"');
  END IF;
  -- the terms, one a line: kind (P +word, G +(group), M -, L < or >, R ~, T word, O bare group) and query
  SET i = 1;
  WHILE i <= n DO
    IF SUBSTRING(p, i, 1) = ' ' THEN
      SET i = i + 1;
    ELSE
      SET op = '';
      IF LOCATE(SUBSTRING(p, i, 1), '+-<>~') > 0 THEN
        SET op = SUBSTRING(p, i, 1), i = i + 1;
        IF op IN ('+', '-') AND SUBSTRING(p, i, 1) IN ('+', '-') THEN
          SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 20101, MESSAGE_TEXT = 'internal error: double +/- operator';
        END IF;
        WHILE i <= n AND LOCATE(SUBSTRING(p, i, 1), '<>~') > 0 DO SET i = i + 1; END WHILE;
        IF i > n OR SUBSTRING(p, i, 1) = ' ' THEN
          SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 20101,
            MESSAGE_TEXT = 'internal error: +/- must have single child with value';
        END IF;
      END IF;
      IF SUBSTRING(p, i, 1) = '(' THEN
        SET j = i, depth = 0;
        REPEAT
          SET depth = depth + (SUBSTRING(p, j, 1) = '(') - (SUBSTRING(p, j, 1) = ')'), j = j + 1;
        UNTIL depth = 0 OR j > n END REPEAT;
        IF depth <> 0 THEN
          SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 20101, MESSAGE_TEXT = 'internal error: no close bracket found';
        END IF;
        SET c = `{schema}`.mo_ngram_group(SUBSTRING(p, i + 1, j - i - 2)), i = j;
        SET k = CASE op WHEN '+' THEN 'G' WHEN '-' THEN 'M' WHEN '' THEN 'O' WHEN '~' THEN 'R' ELSE 'L' END;
      ELSE
        SET j = i;
        WHILE j <= n AND SUBSTRING(p, j, 1) <> ' ' DO SET j = j + 1; END WHILE;
        SET w = SUBSTRING(p, i, j - i), i = j;
        SET c = IF(RIGHT(w, 1) = '*', `{schema}`.mo_ngram_prefix(LEFT(w, CHAR_LENGTH(w) - 1)),
          `{schema}`.mo_ngram_leaf(w));
        SET k = CASE op WHEN '+' THEN 'P' WHEN '-' THEN 'M' WHEN '' THEN 'T' WHEN '~' THEN 'R' ELSE 'L' END;
      END IF;
      SET items = CONCAT(items, k, c, CHAR(10)), simple = simple + (k = 'P'), anyplus = anyplus OR k IN ('P', 'G');
    END IF;
  END WHILE;
  -- pass 0: two or more +words are joined first (and their rows are the candidates); 1: the other required terms;
  -- 2: the others as written; 3: the exclusions
  WHILE pass < 4 DO
    SET i = 1;
    WHILE i < LENGTH(items) DO
      SET j = LOCATE(CHAR(10), items, i), k = SUBSTRING(items, i, 1), c = SUBSTRING(items, i + 1, j - i - 1), i = j + 1;
      IF pass = 0 AND k = 'P' AND simple >= 2 OR pass = 1 AND (k = 'G' OR k = 'P' AND simple < 2) THEN
        IF pass = 1 AND cshape = '' THEN SET cc = c, cshape = 'L'; END IF;
        SET r = CASE shape WHEN '' THEN c WHEN 'A' THEN CONCAT(r, ' +', c) ELSE CONCAT('+', r, ' +', c) END,
            shape = IF(shape = '', 'L', 'A');
      ELSEIF pass = 2 AND k = 'O' THEN
        SET r = c, shape = 'L', replaced = 1;
      ELSEIF pass = 2 AND k IN ('T', 'R', 'L') AND shape = '' THEN
        SET r = c, shape = 'L';
      ELSEIF pass = 2 AND (k = 'L' OR k IN ('T', 'R') AND NOT anyplus) THEN
        SET r = CONCAT(IF(shape = 'A', CONCAT('(', r, ')'), r), ' ', c), shape = 'O', replaced = 1;
      ELSEIF pass = 3 AND k = 'M' THEN
        IF shape = '' THEN RETURN 'Z'; END IF;
        SET r = CASE shape WHEN 'A' THEN CONCAT(r, ' -', c) WHEN 'O' THEN CONCAT('+(', r, ') -', c)
            ELSE CONCAT('+', r, ' -', c) END, shape = 'A';
      END IF;
    END WHILE;
    IF pass = 0 AND simple >= 2 THEN SET cc = r, cshape = shape; END IF;
    SET pass = pass + 1;
  END WHILE;
  IF shape = '' THEN RETURN 'Z'; END IF;
  IF anyplus AND replaced THEN
    RETURN CONCAT(IF(cshape = 'A', cc, CONCAT('+', cc)), ' ',
      CASE shape WHEN 'A' THEN r WHEN 'O' THEN CONCAT('+(', r, ')') ELSE CONCAT('+', r) END);
  END IF;
  RETURN r;
END
