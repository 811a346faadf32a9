package io.matrixone.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class RowViewTest {

    /** A result of rows {@code (id, name, price)} the test moves through; id and name are read in place. */
    private static final class Rows implements Row.Source {
        final Object[][] rows;
        long position = 1;
        int inPlaceReads;
        int valueReads;

        Rows(Object[]... rows) {
            this.rows = rows;
        }

        Object[] current() {
            return rows[(int) position - 1];
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public Object value(int index) {
            valueReads++;
            return current()[index];
        }

        @Override
        public boolean readsLong(int index) {
            return index == 0;
        }

        @Override
        public Long longValue(int index) {
            inPlaceReads++;
            return (Long) current()[index];
        }

        @Override
        public boolean readsString(int index) {
            return index == 1;
        }

        @Override
        public String stringValue(int index) {
            inPlaceReads++;
            return (String) current()[index];
        }
    }

    private static final Result.Builder COLUMNS = Result.builder(new String[] {"id", "name", "price"});

    @Test
    void aViewReadsTheCurrentRowAndTypedColumnsInPlace() {
        Rows rows = new Rows(new Object[] {1L, "ann", new BigDecimal("1.50")}, new Object[] {2L, null, null});
        Row view = COLUMNS.view(rows, rows.position);
        assertThat(view.getLong(0)).isEqualTo(1L);
        assertThat(view.getLong("ID")).isEqualTo(1L);
        assertThat(view.getString(1)).isEqualTo("ann");
        assertThat(rows.inPlaceReads).isEqualTo(3);
        assertThat(rows.valueReads).isZero();
        // other getters convert the value as a detached row would
        assertThat(view.getBigDecimal(2)).isEqualByComparingTo("1.5");
        assertThat(view.getString(2)).isEqualTo("1.50");
        assertThat(view.getInt(0)).isEqualTo(1);
        assertThat(view.get("price", Double.class)).isEqualTo(1.5);
        assertThat(view.size()).isEqualTo(3);
        assertThat(view.columnNames()).containsExactly("id", "name", "price");
        assertThat(view.values()).containsExactly(1L, "ann", new BigDecimal("1.50"));
        assertThat(view).isEqualTo(Row.of(List.of("id", "name", "price"), 1L, "ann", new BigDecimal("1.50")));
        assertThat(view.toString()).isEqualTo("Row{id=1, name=ann, price=1.50}");

        rows.position = 2;
        Row next = COLUMNS.view(rows, rows.position);
        assertThat(next.getString(1)).isNull();
        assertThat(next.isNull(2)).isTrue();
    }

    @Test
    void aViewReadAfterTheResultMovedOnFailsLoudly() {
        Rows rows = new Rows(new Object[] {1L, "ann", null}, new Object[] {2L, "bob", null});
        Row view = COLUMNS.view(rows, rows.position);
        rows.position = 2;
        assertThatThrownBy(() -> view.getLong(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("row.detach()");
        assertThatThrownBy(() -> view.getString(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> view.get(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(view::detach).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(view::values).isInstanceOf(IllegalStateException.class);
        assertThat(view.toString()).isEqualTo("Row{streamed row 1, no longer current}");
        // a wrong index is still an index error, whether current or not
        assertThatThrownBy(() -> view.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aDetachedCopyOutlivesTheView() {
        Rows rows = new Rows(new Object[] {1L, "ann", new BigDecimal("2")}, new Object[] {2L, "bob", null});
        Row kept = COLUMNS.view(rows, rows.position).detach();
        rows.position = 2;
        assertThat(kept.getLong(0)).isEqualTo(1L);
        assertThat(kept.getString("name")).isEqualTo("ann");
        assertThat(kept.getBigDecimal(2)).isEqualByComparingTo("2");
        assertThat(kept.detach()).isSameAs(kept);
    }

    @Test
    void indexErrorsAreTheSameAsOnADetachedRow() {
        Rows rows = new Rows(new Object[] {1L, "ann", null});
        Row view = COLUMNS.view(rows, rows.position);
        assertThatThrownBy(() -> view.getLong(5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.getString(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.getLong("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
