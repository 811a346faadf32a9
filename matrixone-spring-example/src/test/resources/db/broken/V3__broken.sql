CREATE TABLE half_done (id INT PRIMARY KEY);
INSERT INTO customers (name) VALUES ('written by the broken migration');
ALTER TABLE no_such_table ADD COLUMN x INT;
