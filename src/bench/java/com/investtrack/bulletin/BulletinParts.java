package com.investtrack.bulletin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContext;

import com.investtrack.fulfilment.Flag;
import com.investtrack.plan.Lights;
import com.investtrack.project.Health;

/**
 * The parts of the bulletin page's fresh computation ({@link BulletinService#excerpt}),
 * each timed apart (issue 15: which statement the time goes to). In the bulletin's
 * package, since the statements it times are the package's own.
 */
public final class BulletinParts {

	private BulletinParts() {
	}

	/**
	 * A markdown table of each part's p50 and max over {@code runs} calls for each
	 * {@code {year, month}} period, the page's {@code limit} entries per list.
	 */
	public static String table(ApplicationContext app, int[][] periods, int limit, int runs) {
		BulletinQueries queries = app.getBean(BulletinQueries.class);
		Lights lights = app.getBean(Lights.class);
		TargetService targets = app.getBean(TargetService.class);
		TargetRepository targetStore = app.getBean(TargetRepository.class);
		LocalDate today = app.getBean(BulletinService.class).today();
		StringBuilder md = new StringBuilder(
				"| period | part | p50 ms | max ms | rows |\n| --- | --- | ---: | ---: | ---: |\n");
		for (int[] p : periods) {
			Period period = Period.of(p[0], p[1], today);
			Map<String, Supplier<Object>> parts = new LinkedHashMap<>();
			parts.put("targets (city, parks)", () -> List.of(targets.city(p[0]), targetStore.parks(p[0])));
			parts.put("figures by park", () -> queries.figuresByPark(period, targets.city(p[0]).majorProjectWan()));
			parts.put("cohort", () -> queries.cohort(period));
			parts.put("flagged lists (first " + limit + ")", () -> queries.flagged(period, limit));
			parts.put("counts (red, flags)", () -> queries.counts(period, lights.condition(Health.RED)));
			parts.put("red list (first " + limit + ")", () -> lights.listed(Health.RED, limit));
			parts.put("open notices + count", () -> List.of(queries.openNotices(period, limit),
					queries.openNoticeCount(period)));
			parts.put("agreed next month", () -> queries.agreedNextMonth(period));
			parts.put("whole excerpt", () -> app.getBean(BulletinService.class).excerpt(p[0], p[1], limit));
			for (var part : parts.entrySet()) {
				// one call first: the statement's plan and the pages it reads are then as warm
				// as after any other change
				Object result = part.getValue().get();
				long[] micros = new long[runs];
				for (int i = 0; i < runs; i++) {
					long s = System.nanoTime();
					result = part.getValue().get();
					micros[i] = (System.nanoTime() - s) / 1000;
				}
				Arrays.sort(micros);
				md.append("| %d, 1–%d月 | %s | %.1f | %.1f | %s |\n".formatted(p[0], p[1], part.getKey(),
						micros[runs / 2] / 1000.0, micros[runs - 1] / 1000.0, rows(result)));
			}
		}
		return md.toString();
	}

	/** How many rows a part returned, where it says. */
	private static String rows(Object result) {
		if (result instanceof BulletinQueries.ListCounts c) {
			return "%d/%d/%d/%d".formatted(c.red(), c.signedNotStarted(), c.builtNotProducing(), c.idleLand());
		}
		if (result instanceof Map<?, ?> m && !m.isEmpty() && m.keySet().iterator().next() instanceof Flag) {
			List<String> sizes = new ArrayList<>();
			m.values().forEach(v -> sizes.add(String.valueOf(((List<?>) v).size())));
			return String.join("/", sizes);
		}
		if (result instanceof List<?> l) {
			return String.valueOf(l.size());
		}
		return "";
	}

}
