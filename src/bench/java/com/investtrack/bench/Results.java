package com.investtrack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every figure of one benchmark run, filled in phase by phase. */
final class Results {

	/**
	 * One report request variant: our HTTP latencies, and the naive computation's where
	 * it has one.
	 */
	/**
	 * ours: repeated requests while the data stands still; computed: each request right
	 * after a committed change.
	 */
	record ReportFigures(String label, String path, Latencies ours, Latencies computed, Latencies naive,
			Boolean identical) {
	}

	/**
	 * Per step at a client count, plain and ours: milliseconds of CPU of the application,
	 * the database server and the driver, then the statements the database server
	 * received (its Questions counter, all clients).
	 */
	record CpuPerStep(int clients, double[] plain, double[] rest, double[] ours) {
	}

	final List<CpuPerStep> cpu = new ArrayList<>();

	/** (a): statements per step by part, each side. */
	final List<StepAnatomy.Row> anatomy = new ArrayList<>();

	/** (a): where each side's CPU went (JFR). */
	final List<CpuProfile.Figures> profiles = new ArrayList<>();

	Machine machine;

	Benchmark.Options options;

	Latencies plain1;

	Latencies plain4;

	Latencies rest1;

	Latencies rest4;

	Latencies app1;

	Latencies app4;

	double bareFreshStart = Double.NaN;

	double appFreshStart = Double.NaN;

	double bareRestart = Double.NaN;

	double appRestart = Double.NaN;

	/**
	 * CPU seconds each process had used when it first answered healthy on the restart.
	 */
	double appRestartCpu = Double.NaN;

	double bareRestartCpu = Double.NaN;

	/**
	 * (c), deployed as docs/operations.md recommends (extracted, class data sharing): the
	 * first start on an empty schema, resident memory 2 s after it, and the restarts.
	 */
	double deployedAppFreshStart = Double.NaN;

	double deployedBareFreshStart = Double.NaN;

	double deployedAppRssAfterStart = Double.NaN;

	double deployedBareRssAfterStart = Double.NaN;

	Starts deployedRestarts;

	/**
	 * Medians of (c)'s restarts: seconds to healthy, CPU seconds used until then, and
	 * resident memory (MiB) 2 s later; and the CPU seconds by kind of thread (main, JIT
	 * compilers, collector) of the last one.
	 */
	record Starts(double app, double bare, double appCpu, double bareCpu, double appRss, double bareRss,
			Map<String, Double> appThreads, Map<String, Double> bareThreads) {
	}

	Starts fatRestarts;

	/** (c): where each side's start-up went (JFR from the JVM's start to healthy). */
	final List<CpuProfile.Figures> startProfiles = new ArrayList<>();

	double appDataStart = Double.NaN;

	double bareRssAfterStart = Double.NaN;

	double appRssAfterStart = Double.NaN;

	double bareRssUnderLoad;

	double appRssUnderLoad;

	double appRssReports = Double.NaN;

	int generatedProjects;

	double generatorSeconds = Double.NaN;

	String generatedSummary = "";

	/**
	 * (b) on copies of the generated projects (scale-to=): what was copied, or null when
	 * the run measured the generated projects alone.
	 */
	DataCopies.Summary copies;

	final List<ReportFigures> reports = new ArrayList<>();

	/**
	 * (b), a page: repeated while the data stands still, and each request right after a
	 * committed change; {@code paths} different addresses requested in turn.
	 */
	record PageFigures(String label, String path, int paths, Latencies repeated, Latencies fresh) {
	}

	/** (b), an export of all projects read to its last byte, and the heap meanwhile. */
	record ExportFigures(String label, String path, double firstByteSeconds, double seconds, long bytes,
			double heapBeforeMib, double heapPeakMib, double heapMaxMib) {
	}

	final List<PageFigures> pages = new ArrayList<>();

	final List<ExportFigures> exports = new ArrayList<>();

	double pagesLoad = Double.NaN;

	String exportJvm = "";

	double totalSeconds;

	LedgerFigures ledger;

	/**
	 * (d), the ledger's import: the file, the three requests' seconds and the heap around
	 * them, and what reading the file costs in the benchmark's own JVM.
	 */
	static final class LedgerFigures {

		String date;

		double load;

		int rows;

		int inFlight;

		double fileKib;

		String jvmOptions;

		double previewSeconds;

		double confirmSeconds;

		double againSeconds;

		int newRows;

		int errorRows;

		int created;

		int unchangedRows;

		long confirmStatements;

		double confirmAppCpuSeconds;

		double heapMaxMib;

		double heapBeforeMib;

		double heapPeakPreviewMib;

		double heapPeakConfirmMib;

		double heapPeakAgainMib;

		double rssPeakMib;

		double streamAllocatedMib;

		double streamKeptMib;

		double workbookAllocatedMib;

		double workbookKeptMib;

	}

}
