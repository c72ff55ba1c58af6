package org.bcistream.decoders.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** A small CSV fixture from the test class path: one header line, comma-separated cells, no quoting. */
public final class CsvTable {
    private final List<String> header;
    private final List<String[]> rows;

    private CsvTable(List<String> header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    /** Loads {@code /fixtures/<path>} from the test class path. */
    public static CsvTable fixture(String path) {
        String resource = "/fixtures/" + path;
        try (InputStream in = CsvTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + resource
                        + "; run decoders/src/test/python/make_filter_fixtures.py");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = List.of(reader.readLine().split(",", -1));
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    String[] cells = line.split(",", -1);
                    if (cells.length != header.size()) {
                        throw new IllegalStateException(resource + ": row " + rows.size() + " has " + cells.length
                                + " cells for " + header.size() + " columns");
                    }
                    rows.add(cells);
                }
            }
            return new CsvTable(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int rowCount() {
        return rows.size();
    }

    public String text(int row, String column) {
        return rows.get(row)[column(column)];
    }

    public double number(int row, String column) {
        return Double.parseDouble(text(row, column));
    }

    /** The rows whose cells satisfy {@code filter}, as a new table. */
    public CsvTable where(String column, Predicate<String> filter) {
        int index = column(column);
        List<String[]> kept = rows.stream().filter(r -> filter.test(r[index])).toList();
        return new CsvTable(header, kept);
    }

    /** Every cell as float, sample-major (row by row), for a table of numbers only. */
    public float[] floatsRowMajor() {
        float[] values = new float[rows.size() * header.size()];
        int i = 0;
        for (String[] row : rows) {
            for (String cell : row) {
                values[i++] = Float.parseFloat(cell);
            }
        }
        return values;
    }

    /** Every cell as double, row by row, for a table of numbers only. */
    public double[] doublesRowMajor() {
        return rows.stream().flatMap(Arrays::stream).mapToDouble(Double::parseDouble).toArray();
    }

    private int column(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        return index;
    }
}
