/*
 * Copyright 2026 the mtls-spring-boot authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.mtls.boot.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The tables of a Markdown page (outside code blocks), cell by cell. A {@code |} inside a
 * cell is written {@code \|}, as GitHub requires.
 *
 * @author mtls-spring-boot authors
 */
final class MarkdownTables {

	private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	private MarkdownTables() {
	}

	static List<Table> of(Path page) throws IOException {
		List<Table> tables = new ArrayList<>();
		List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
		boolean inCode = false;
		Table current = null;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).trim();
			if (line.startsWith("```")) {
				inCode = !inCode;
				current = null;
				continue;
			}
			if (inCode || !line.startsWith("|")) {
				current = null;
				continue;
			}
			List<String> cells = cells(line);
			if (current == null) {
				current = new Table(page, i + 1, cells, new ArrayList<>());
				tables.add(current);
			}
			else if (!line.matches("\\|[\\s:|-]+")) {
				current.rows().add(new Row(i + 1, cells));
			}
		}
		return tables;
	}

	/**
	 * Return the content of the first code span of a cell.
	 * @param cell the cell
	 * @return the code, or {@code null} if the cell has none
	 */
	static @Nullable String code(String cell) {
		Matcher matcher = CODE.matcher(cell);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static List<String> cells(String line) {
		String inner = line.substring(1,
				line.endsWith("|") && !line.endsWith("\\|") ? line.length() - 1 : line.length());
		List<String> cells = new ArrayList<>();
		for (String cell : CELL_SEPARATOR.split(inner, -1)) {
			cells.add(cell.replace("\\|", "|").trim());
		}
		return cells;
	}

	/**
	 * A table: its header cells and its rows.
	 */
	record Table(Path page, int line, List<String> header, List<Row> rows) {

		int column(String name) {
			return this.header.indexOf(name);
		}

		@Override
		public String toString() {
			return this.page + ":" + this.line;
		}

	}

	/**
	 * A row of a table.
	 */
	record Row(int line, List<String> cells) {

		String cell(int column) {
			return (column >= 0 && column < this.cells.size()) ? this.cells.get(column) : "";
		}

	}

}
