package io.matrixone.core.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterTest {

    @Test
    void comparisonsQuoteTheColumnAndBindTheValue() {
        Filter f = Filter.eq("lang", "en");
        assertThat(f.sql()).isEqualTo("`lang` = ?");
        assertThat(f.params()).containsExactly("en");
        assertThat(Filter.between("year", 2000, 2020).sql()).isEqualTo("`year` BETWEEN ? AND ?");
        assertThat(Filter.in("c", List.of("a", "b", "c")).sql()).isEqualTo("`c` IN (?, ?, ?)");
        assertThat(Filter.isNull("deleted_at").sql()).isEqualTo("`deleted_at` IS NULL");
        assertThat(Filter.like("title", "%'; DROP TABLE x; --").params()).containsExactly("%'; DROP TABLE x; --");
    }

    @Test
    void combinationsKeepPrecedenceWithParentheses() {
        Filter f = Filter.eq("a", 1).and(Filter.or(Filter.eq("b", 2), Filter.eq("c", 3))).and(Filter.not(Filter.gt("d", 4)));
        assertThat(f.sql()).isEqualTo("`a` = ? AND (`b` = ? OR `c` = ?) AND NOT `d` > ?");
        assertThat(f.params()).containsExactly(1, 2, 3, 4);
        assertThat(Filter.not(Filter.eq("a", 1).and(Filter.eq("b", 2))).sql()).isEqualTo("NOT (`a` = ? AND `b` = ?)");
    }

    @Test
    void bindsVectorsAsMatrixOneText() {
        assertThat(Filter.sql("l2_distance(v, ?) < ?", new float[] {1f, 2f}, 0.5).params())
                .containsExactly("[1.0, 2.0]", 0.5);
    }

    @Test
    void aSqlExpressionIsCheckedToBeOneExpression() {
        assertThat(Filter.sql("price * ? < budget", 1.2).sql()).isEqualTo("(price * ? < budget)");
        assertThat(Filter.sql("note = 'a ? in a string'").params()).isEmpty();
        assertThatThrownBy(() -> Filter.sql("1 = 1) OR (1 = 1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("closes a parenthesis");
        assertThatThrownBy(() -> Filter.sql("1 = 1; DROP TABLE t")).hasMessageContaining("';'");
        assertThatThrownBy(() -> Filter.sql("1 = 1 -- x")).hasMessageContaining("comment");
        assertThatThrownBy(() -> Filter.sql("1 = 1 /* x */")).hasMessageContaining("comment");
        assertThatThrownBy(() -> Filter.sql("name = 'open")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> Filter.sql("(a = ?", 1)).hasMessageContaining("open");
        assertThatThrownBy(() -> Filter.sql("a = ? AND b = ?", 1)).hasMessageContaining("2 '?' but 1 values");
    }

    @Test
    void refusesHostileNamesAndNullValues() {
        assertThatThrownBy(() -> Filter.eq("a`b", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Filter.eq("a", null)).hasMessageContaining("Filter.isNull");
        assertThatThrownBy(() -> Filter.in("a", List.of())).hasMessageContaining("at least one");
    }

    @Test
    void toStringShowsNoValues() {
        assertThat(Filter.eq("secret", "hunter2").toString()).doesNotContain("hunter2");
    }
}
