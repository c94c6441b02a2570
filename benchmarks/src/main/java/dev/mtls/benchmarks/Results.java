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
package dev.mtls.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measurements per test and variant, over rounds, and their rendering as Markdown:
 * medians with the spread (min–max), and ratios taken per round (A/B alternating, so
 * machine drift cancels) before the median.
 *
 * @author mtls-spring-boot authors
 */
final class Results {

	private final Map<String, Map<String, List<double[]>>> values = new LinkedHashMap<>();

	void add(String test, String variant, double... value) {
		this.values.computeIfAbsent(test, (key) -> new LinkedHashMap<>())
			.computeIfAbsent(variant, (key) -> new ArrayList<>())
			.add(value);
	}

	List<double[]> get(String test, String variant) {
		return this.values.getOrDefault(test, Map.of()).getOrDefault(variant, List.of());
	}

	List<String> variants(String test) {
		return new ArrayList<>(this.values.getOrDefault(test, Map.of()).keySet());
	}

	double median(String test, String variant, int index) {
		return median(column(get(test, variant), index));
	}

	String spread(String test, String variant, int index, String format) {
		List<Double> column = column(get(test, variant), index);
		if (column.isEmpty()) {
			return "n/a";
		}
		double min = column.stream().mapToDouble(Double::doubleValue).min().orElse(0);
		double max = column.stream().mapToDouble(Double::doubleValue).max().orElse(0);
		return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median(column), min, max);
	}

	/**
	 * Return the median of the per-round ratios of two variants.
	 * @param test the test
	 * @param variant the numerator
	 * @param reference the denominator
	 * @param index the value index
	 * @return the median ratio, or NaN
	 */
	double ratio(String test, String variant, String reference, int index) {
		List<double[]> a = get(test, variant);
		List<double[]> b = get(test, reference);
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			ratios.add(a.get(i)[index] / b.get(i)[index]);
		}
		return median(ratios);
	}

	static String format(double value, String format) {
		return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, format, value);
	}

	private static List<Double> column(List<double[]> rows, int index) {
		return rows.stream().map((row) -> row[index]).toList();
	}

	static double median(List<Double> values) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
