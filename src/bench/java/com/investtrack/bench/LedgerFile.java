package com.investtrack.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A bureau's ledger for the benchmark, written with POI's ordinary writer (shared strings,
 * as Excel saves them), independently of the product's exporter: a merged title row and a
 * note above the header, then one row per project. Of every 20 rows 4 are in negotiation,
 * 12 in flight (4 signed, 4 with land, 4 under construction: 60 %), 3 in production and 1
 * dropped, dated backwards from yesterday; dates as date cells and in four typed forms,
 * money in 万元 or with 亿 in the cell, parks and industries by code or by name. Every row
 * is valid, so that the figures are those of a ledger that imports whole.
 */
final class LedgerFile {

	static final String[] HEADER = { "项目编号", "项目名称", "投资方", "所在园区", "所属产业", "总投资（万元）", "用地（亩）", "落地方式", "项目类型",
			"首谈日期", "签约日期", "供地日期", "开工日期", "投产日期", "约定投产", "项目状态", "终止日期", "招商专员", "备注" };

	private static final String[] STATUS = { "在谈", "已签约", "已供地", "在建", "已投产" };

	private static final String[] TYPES = { "新建", "扩建", "技改", "迁建" };

	private static final int FIRST_DATE_COLUMN = 9;

	/** The workbook's bytes and how many of its rows are in flight. */
	record Ledger(byte[] content, int rows, int inFlight) {
	}

	static Ledger build(int rows, long seed, LocalDate today, List<String> officers) {
		Random random = new Random(seed);
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("台账");
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			sheet.createRow(0).createCell(0).setCellValue("荆门市招商引资项目台账（基准测试）");
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.length - 1));
			sheet.createRow(1).createCell(0).setCellValue("填报单位：市招商局　单位：万元、亩");
			Row header = sheet.createRow(2);
			for (int c = 0; c < HEADER.length; c++) {
				header.createCell(c).setCellValue(HEADER[c]);
			}
			int inFlight = 0;
			for (int i = 0; i < rows; i++) {
				int kind = i % 20;
				// 0-3 negotiation, 4-15 in flight, 16-18 production, 19 dropped
				int stage = kind < 4 ? 0 : kind < 16 ? 1 + (kind - 4) / 4 : kind < 19 ? 4 : 0;
				boolean dropped = kind == 19;
				if (stage >= 1 && stage <= 3) {
					inFlight++;
				}
				Row row = sheet.createRow(3 + i);
				write(row, 0, "BL-%05d".formatted(i + 1), dateStyle);
				write(row, 1, "基准项目 %05d".formatted(i + 1), dateStyle);
				write(row, 2, "投资方 %05d 有限公司".formatted(i + 1), dateStyle);
				String[] park = Databases.PARKS.get(i % Databases.PARKS.size());
				write(row, 3, i % 2 == 0 ? park[0] : park[1], dateStyle);
				String[] industry = Databases.INDUSTRIES.get(i % Databases.INDUSTRIES.size());
				write(row, 4, i % 3 == 0 ? industry[1] : industry[0], dateStyle);
				int wan = 500 + random.nextInt(200) * 100;
				Object money = i % 4 == 0 ? String.format(Locale.ROOT, "%.1f亿", wan / 10000.0) : (Object) (double) wan;
				write(row, 5, money, dateStyle);
				boolean light = i % 5 == 0;
				write(row, 6, light ? null : (Object) (double) (10 + random.nextInt(300)), dateStyle);
				write(row, 7, light ? "租赁厂房" : "供地", dateStyle);
				write(row, 8, TYPES[i % TYPES.length], dateStyle);
				List<LocalDate> dates = dates(random, today, stage, dropped);
				for (int s = 0; s <= stage; s++) {
					write(row, FIRST_DATE_COLUMN + s, date(dates.get(s), i + s), dateStyle);
				}
				boolean active = !dropped && stage < 4;
				if (active && stage > 0) {
					write(row, 14, date(today.plusDays(30 + random.nextInt(900)), i), dateStyle);
				}
				write(row, 15, dropped ? "终止" : STATUS[stage], dateStyle);
				if (dropped) {
					write(row, 16, date(dates.get(dates.size() - 1), i), dateStyle);
					write(row, 18, "投资方另选他址", dateStyle);
				}
				write(row, 17, officers.get(i % officers.size()), dateStyle);
			}
			workbook.write(out);
			return new Ledger(out.toByteArray(), rows, inFlight);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The milestone dates up to {@code stage} (and the drop, last), in order, the last
	 * between yesterday and two months before it.
	 */
	private static List<LocalDate> dates(Random random, LocalDate today, int stage, boolean dropped) {
		List<LocalDate> dates = new ArrayList<>();
		LocalDate on = today.minusDays(1 + random.nextInt(60));
		int count = stage + 1 + (dropped ? 1 : 0);
		for (int s = 0; s < count; s++) {
			dates.add(0, on);
			on = on.minusDays(10 + random.nextInt(200));
		}
		return dates;
	}

	/**
	 * A date as bureaus type it, in turn: a date cell, 2025-03-05, 2025/3/5, 2025年3月5日,
	 * 2025.3.5.
	 */
	private static Object date(LocalDate date, int turn) {
		return switch (turn % 5) {
			case 0 -> date;
			case 1 -> date.toString();
			case 2 -> date.format(DateTimeFormatter.ofPattern("yyyy/M/d"));
			case 3 -> date.format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
			default -> date.format(DateTimeFormatter.ofPattern("yyyy.M.d"));
		};
	}

	private static void write(Row row, int column, Object value, CellStyle dateStyle) {
		if (value instanceof String s) {
			row.createCell(column).setCellValue(s);
		}
		else if (value instanceof Double d) {
			row.createCell(column).setCellValue(d);
		}
		else if (value instanceof LocalDate d) {
			var cell = row.createCell(column);
			cell.setCellValue(d);
			cell.setCellStyle(dateStyle);
		}
	}

	private LedgerFile() {
	}

}
