package com.investtrack.bulletin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.MeterRegistry;

import com.investtrack.audit.AuditVersionedCache;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.SideBySide;
import com.investtrack.fulfilment.Amounts;
import com.investtrack.fulfilment.Flag;
import com.investtrack.plan.Light;
import com.investtrack.plan.Lights;
import com.investtrack.project.Health;
import com.investtrack.project.Park;
import com.investtrack.project.ReferenceData;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * Computes the monthly bulletin for 1–N月 from the milestones' effective dates, the funds
 * recorded and the targets, as it stands now: a back-dated milestone entered today
 * changes the bulletin of its month (a published one keeps its figures, see
 * {@link BulletinPublications}). Every role reads it, like the other reports.
 */
@Service
public class BulletinService {

	private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final BulletinQueries queries;

	private final TargetService targets;

	private final TargetRepository targetStore;

	private final ReferenceData reference;

	private final Lights lights;

	private final AccessPolicy access;

	private final Clock clock;

	/**
	 * Bulletin pages kept until the data changes: every write to what a bulletin reads
	 * (milestones, plans, funds, notices, targets, thresholds, the calendar) is audited.
	 * Only the bounded page is kept (a whole bulletin runs to megabytes at 100,000
	 * projects), at most 64 per data version.
	 */
	private final AuditVersionedCache cache;

	private final SideBySide sideBySide;

	BulletinService(BulletinQueries queries, TargetService targets, TargetRepository targetStore,
			ReferenceData reference, Lights lights, AccessPolicy access, Clock clock, JdbcClient jdbc,
			MeterRegistry registry, SideBySide sideBySide) {
		this.sideBySide = sideBySide;
		this.cache = new AuditVersionedCache(jdbc, registry, "investtrack.bulletin.cache",
				"Bulletin pages answered from the cache (hit) or computed (miss)", 64);
		this.queries = queries;
		this.targets = targets;
		this.targetStore = targetStore;
		this.reference = reference;
		this.lights = lights;
		this.access = access;
		this.clock = clock;
	}

	/** Today, in the bureau's time zone. */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The bulletin for 1–{@code month}月 of {@code year}, as the user may read it. */
	@Transactional(readOnly = true)
	public Bulletin monthly(int year, int month, CurrentUser user) {
		access.checkCanReadReports(user);
		return compute(year, month);
	}

	/**
	 * A month within a year, not after the current month (a bulletin of the future counts
	 * nothing yet).
	 */
	void check(int year, int month) {
		LocalDate today = LocalDate.now(clock);
		if (year < 1990 || year > today.getYear()) {
			throw new InvalidInputException("year", "must be between 1990 and the current year " + today.getYear());
		}
		if (month < 1 || month > 12) {
			throw new InvalidInputException("month", "must be between 1 and 12");
		}
		if (year == today.getYear() && month > today.getMonthValue()) {
			throw new InvalidInputException("month",
					"must not be after the current month " + today.toString().substring(0, 7));
		}
	}

	/**
	 * The bulletin as its page shows it: every figure as in {@link #monthly}, of each
	 * list the first {@code limit} entries and how many there are. Read by statements
	 * that stop after {@code limit} rows and by counts, where the whole bulletin reads,
	 * lights and describes every red project of the city; and kept until the next
	 * committed change, for the day and the reader's language (the red projects'
	 * reasons).
	 * <p>
	 * Not one transaction: its parts run side by side on connections of their own
	 * ({@link #excerpt}), and a transaction would hold a connection of the request's
	 * while it waits for them (under READ COMMITTED each statement reads its own snapshot
	 * anyway).
	 */
	public BulletinPage page(int year, int month, int limit, CurrentUser user) {
		access.checkCanReadReports(user);
		check(year, month);
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be positive: " + limit);
		}
		Locale locale = LocaleContextHolder.getLocale();
		return cache.get(List.of(year, month, limit, today(), locale), () -> excerpt(year, month, limit));
	}

	Bulletin compute(int year, int month) {
		Period period = period(year, month);
		Targets city = targets.city(year);
		return assemble(period, lists(period), city, queries.figuresByPark(period, city.majorProjectWan()),
				queries.cohort(period));
	}

	/**
	 * The page's bulletin computed fresh. Its counts, its figures and its cohort are
	 * independent statements that each read thousands to all of the projects (the
	 * counting scan alone is a third of the time): they run {@link SideBySide} while this
	 * thread reads the lists, so the page takes about the time of the slowest part rather
	 * than of all of them in turn.
	 */
	BulletinPage excerpt(int year, int month, int limit) {
		Period period = period(year, month);
		Targets city = targets.city(year);
		var counting = sideBySide.start(() -> queries.counts(period, lights.condition(Health.RED)));
		var figures = sideBySide.start(() -> queries.figuresByPark(period, city.majorProjectWan()));
		var cohort = sideBySide.start(() -> queries.cohort(period));
		Map<Flag, List<Bulletin.FlaggedProject>> flagged = queries.flagged(period, limit);
		// one month's agreed dates, read by an index range: few enough to read whole
		List<Bulletin.AgreedMilestone> agreed = queries.agreedNextMonth(period);
		Bulletin.Lists lists = new Bulletin.Lists(red(lights.listed(Health.RED, limit)),
				flagged.get(Flag.SIGNED_NOT_STARTED), flagged.get(Flag.BUILT_NOT_PRODUCING),
				flagged.get(Flag.IDLE_LAND), queries.openNotices(period, limit),
				List.copyOf(agreed.subList(0, Math.min(limit, agreed.size()))));
		long openNotices = queries.openNoticeCount(period);
		BulletinQueries.ListCounts counts = SideBySide.join(counting);
		BulletinPage.Totals totals = new BulletinPage.Totals(counts.red(), counts.signedNotStarted(),
				counts.builtNotProducing(), counts.idleLand(), openNotices, agreed.size());
		return new BulletinPage(assemble(period, lists, city, SideBySide.join(figures), SideBySide.join(cohort)), limit,
				totals);
	}

	private Period period(int year, int month) {
		check(year, month);
		return Period.of(year, month, LocalDate.now(clock));
	}

	/**
	 * Every figure of the period's bulletin, with its lists, from the city's targets,
	 * every park's actuals and the cohort's counts.
	 */
	private Bulletin assemble(Period period, Bulletin.Lists lists, Targets city, Map<String, Figures> byPark,
			BulletinQueries.CohortCounts cohortCounts) {
		int year = period.year();
		int month = period.month();
		BigDecimal schedule = BigDecimal.valueOf(month).multiply(HUNDRED).divide(TWELVE, 1, RoundingMode.HALF_UP);
		Map<String, Targets> parkTargets = targetStore.parks(year)
			.stream()
			.collect(Collectors.toMap(Targets::parkCode, Function.identity()));

		Figures cityFigures = new Figures();
		byPark.values().forEach(cityFigures::add);
		List<Bulletin.ParkRow> parkRows = new ArrayList<>();
		Map<String, List<Park>> districts = new LinkedHashMap<>();
		for (Park park : reference.parks()) {
			districts.computeIfAbsent(park.district(), d -> new ArrayList<>()).add(park);
			Figures f = byPark.get(park.code());
			Targets t = parkTargets.get(park.code());
			if (f == null && t == null) {
				continue;
			}
			Figures figures = f == null ? new Figures() : f;
			List<Bulletin.IndicatorRow> rows = indicators(figures, true, t == null ? null : t::of, schedule);
			parkRows.add(new Bulletin.ParkRow(0, park.code(), park.name(), park.district(), mean(rows), rows));
		}
		List<Bulletin.DistrictRow> districtRows = new ArrayList<>();
		districts.forEach((district, parks) -> {
			Figures figures = new Figures();
			List<Targets> set = new ArrayList<>();
			for (Park park : parks) {
				if (byPark.containsKey(park.code())) {
					figures.add(byPark.get(park.code()));
				}
				if (parkTargets.containsKey(park.code())) {
					set.add(parkTargets.get(park.code()));
				}
			}
			if (set.isEmpty() && figures.isZero()) {
				return;
			}
			List<Bulletin.IndicatorRow> rows = indicators(figures, false, i -> sum(set, i), schedule);
			districtRows.add(new Bulletin.DistrictRow(0, district, mean(rows), rows));
		});
		return new Bulletin(year, month, period.asOf(), schedule, city.majorProjectWan(),
				indicators(cityFigures, false, city::of, schedule), cohort(cohortCounts),
				ranked(parkRows, Bulletin.ParkRow::percent, Bulletin.ParkRow::code,
						(r, rank) -> new Bulletin.ParkRow(rank, r.code(), r.name(), r.district(), r.percent(),
								r.indicators())),
				ranked(districtRows, Bulletin.DistrictRow::percent, Bulletin.DistrictRow::district,
						(r, rank) -> new Bulletin.DistrictRow(rank, r.district(), r.percent(), r.indicators())),
				lists);
	}

	private static List<Bulletin.IndicatorRow> indicators(Figures f, boolean ownThreshold,
			Function<Indicator, BigDecimal> target, BigDecimal schedule) {
		List<Bulletin.IndicatorRow> rows = new ArrayList<>();
		for (Indicator i : Indicator.values()) {
			BigDecimal actual = value(f, ownThreshold, i, Figures.PERIOD);
			BigDecimal lastYear = value(f, ownThreshold, i, Figures.LAST_YEAR);
			BigDecimal goal = target == null ? null : target.apply(i);
			BigDecimal percent = Amounts.percent(actual, goal);
			rows.add(new Bulletin.IndicatorRow(i, Amounts.plain(goal), Amounts.plain(actual),
					Amounts.plain(value(f, ownThreshold, i, Figures.MONTH)), percent,
					percent == null ? null : percent.subtract(schedule), Amounts.plain(lastYear),
					Amounts.percent(actual.subtract(lastYear), lastYear)));
		}
		return rows;
	}

	private static BigDecimal value(Figures f, boolean ownThreshold, Indicator i, int window) {
		return ownThreshold ? f.own(i, window) : f.city(i, window);
	}

	/** A district's target: the sum of its parks' targets; none where no park has one. */
	private static BigDecimal sum(List<Targets> targets, Indicator indicator) {
		return targets.stream().map(t -> t.of(indicator)).filter(Objects::nonNull).reduce(BigDecimal::add).orElse(null);
	}

	/**
	 * A row's percent of target: the mean of its indicators' percents (those with a
	 * target).
	 */
	private static BigDecimal mean(List<Bulletin.IndicatorRow> rows) {
		List<BigDecimal> percents = rows.stream().map(Bulletin.IndicatorRow::percent).filter(Objects::nonNull).toList();
		if (percents.isEmpty()) {
			return null;
		}
		return percents.stream()
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(percents.size()), 1, RoundingMode.HALF_UP);
	}

	/** Highest percent first (rows without targets last); equal percents share a rank. */
	private static <R> List<R> ranked(List<R> rows, Function<R, BigDecimal> percent, Function<R, String> name,
			BiFunction<R, Integer, R> withRank) {
		List<R> sorted = new ArrayList<>(rows);
		sorted.sort(Comparator.comparing(percent, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
			.thenComparing(name));
		List<R> result = new ArrayList<>();
		int rank = 0;
		for (int i = 0; i < sorted.size(); i++) {
			if (i == 0 || !Objects.equals(percent.apply(sorted.get(i)), percent.apply(sorted.get(i - 1)))) {
				rank = i + 1;
			}
			result.add(withRank.apply(sorted.get(i), rank));
		}
		return result;
	}

	private static Bulletin.Cohort cohort(BulletinQueries.CohortCounts c) {
		BigDecimal signed = BigDecimal.valueOf(c.signed());
		return new Bulletin.Cohort(c.signed(), c.started(), c.inProduction(),
				Amounts.percent(BigDecimal.valueOf(c.started()), signed),
				Amounts.percent(BigDecimal.valueOf(c.inProduction()), signed),
				Amounts.percent(c.fundsWan(), c.contractedWan()),
				Amounts.percent(BigDecimal.valueOf(c.fulfilling()), signed));
	}

	private Bulletin.Lists lists(Period period) {
		Map<Flag, List<Bulletin.FlaggedProject>> flagged = queries.flagged(period);
		return new Bulletin.Lists(red(lights.listed(Health.RED)), flagged.get(Flag.SIGNED_NOT_STARTED),
				flagged.get(Flag.BUILT_NOT_PRODUCING), flagged.get(Flag.IDLE_LAND), queries.openNotices(period),
				queries.agreedNextMonth(period));
	}

	/** The projects red today, with the reason in the reader's language. */
	private List<Bulletin.RedProject> red(List<Lights.Listed> listed) {
		// red projects share reasons word for word (same rule, day and count):
		// each distinct light is put into words once
		Map<Light, String> said = new HashMap<>();
		List<Bulletin.RedProject> red = new ArrayList<>();
		for (Lights.Listed p : listed) {
			String reason = said.computeIfAbsent(p.light(), lights::describe);
			red.add(new Bulletin.RedProject(p.projectId(), p.code(), p.name(), p.parkCode(), p.leader(), reason));
		}
		return red;
	}

}
