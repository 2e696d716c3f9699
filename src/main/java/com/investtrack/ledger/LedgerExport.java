package com.investtrack.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.common.Stage;
import com.investtrack.ledger.Vocabulary.Status;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.lifecycle.ProjectViews;
import com.investtrack.project.Outcome;
import com.investtrack.project.ProjectFilter;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * The ledger as an .xlsx workbook, one row per project in the columns the import reads
 * (so that export then import changes nothing): dates as date cells, money as numbers in
 * 万元, a frozen header row, readable widths. Written streaming (SXSSF: a window of rows in
 * memory, the rest on disk), page by page of the project list.
 */
@Service
public class LedgerExport {

	private static final int PAGE = 500;

	private static final int WINDOW = 200;

	private final ProjectViews views;

	private final AccessPolicy access;

	LedgerExport(ProjectViews views, AccessPolicy access) {
		this.views = views;
		this.access = access;
	}

	/**
	 * Who may export: whoever reads the project list (called before the answer's headers
	 * are set).
	 */
	public void checkCanExport(CurrentUser user) {
		access.checkCanReadReports(user);
	}

	@Transactional(readOnly = true)
	public void export(ProjectFilter filter, OutputStream out, CurrentUser user) throws IOException {
		checkCanExport(user);
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
			// the rows written out wait in a temporary file: plain, since compressing it
			// and reading it back cost more time than the disk they save
			workbook.setCompressTempFiles(false);
			SXSSFSheet sheet = workbook.createSheet("台账");
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			// every cell gets a style of its own (the workbook's default for plain ones):
			// one without asks the sheet for its column's default style, a search through
			// the column definitions for each of the 2,400,000 cells of 100,000 projects
			CellStyle plain = workbook.getCellStyleAt(0);
			CellStyle text = workbook.createCellStyle();
			text.setQuotePrefixed(true);
			LedgerColumn[] columns = LedgerColumn.values();
			Row header = sheet.createRow(0);
			for (int c = 0; c < columns.length; c++) {
				Cell cell = header.createCell(c);
				cell.setCellValue(columns[c].exportHeader());
				cell.setCellStyle(bold);
				sheet.setColumnWidth(c, width(columns[c]));
			}
			sheet.createFreezePane(0, 1);
			int[] r = { 1 };
			views.forEach(filter, PAGE, batch -> {
				for (ProjectView p : batch) {
					Row row = sheet.createRow(r[0]++);
					Map<LedgerColumn, Object> values = values(p);
					for (int c = 0; c < columns.length; c++) {
						write(row, c, values.get(columns[c]), plain, date, text);
					}
				}
			});
			workbook.write(out);
			workbook.dispose();
		}
	}

	private static Map<LedgerColumn, Object> values(ProjectView p) {
		Map<LedgerColumn, Object> v = new EnumMap<>(LedgerColumn.class);
		v.put(LedgerColumn.CODE, p.code());
		v.put(LedgerColumn.NAME, p.name());
		v.put(LedgerColumn.INVESTOR, p.investor());
		v.put(LedgerColumn.PARK, p.parkCode());
		v.put(LedgerColumn.INDUSTRY, p.industryCode());
		v.put(LedgerColumn.TOTAL_INVESTMENT, p.totalInvestmentWan());
		v.put(LedgerColumn.FIXED_ASSET_INVESTMENT, p.fixedAssetInvestmentWan());
		v.put(LedgerColumn.CONTRACTED_INVESTMENT, p.contractedInvestmentWan());
		v.put(LedgerColumn.LAND, p.landMu());
		v.put(LedgerColumn.ASSET_MODEL, Vocabulary.word(Vocabulary.ASSET_MODEL, p.assetModel()));
		v.put(LedgerColumn.PROJECT_TYPE, Vocabulary.word(Vocabulary.PROJECT_TYPE, p.projectType()));
		v.put(LedgerColumn.CHANNEL, Vocabulary.word(Vocabulary.CHANNEL, p.channel()));
		p.stages().forEach(span -> v.put(LedgerImports.reachedColumn(span.stage()), span.enteredOn()));
		p.plan().forEach((stage, on) -> {
			if (stage != Stage.NEGOTIATION) {
				v.put(LedgerImports.agreedColumn(stage), on);
			}
		});
		boolean dropped = p.outcome() == Outcome.DROPPED;
		v.put(LedgerColumn.STATUS,
				Vocabulary.word(Vocabulary.STATUS, dropped ? Status.DROPPED : Status.valueOf(p.stage().name())));
		v.put(LedgerColumn.DROPPED_ON, p.droppedOn());
		v.put(LedgerColumn.OFFICER, p.officer());
		v.put(LedgerColumn.LEADER, p.leader());
		v.put(LedgerColumn.REMARK, dropped ? p.dropReason() : null);
		return v;
	}

	private static void write(Row row, int c, Object value, CellStyle plain, CellStyle date, CellStyle text) {
		if (value == null) {
			return;
		}
		Cell cell = row.createCell(c);
		if (value instanceof LocalDate d) {
			cell.setCellValue(d);
			cell.setCellStyle(date);
		}
		else if (value instanceof BigDecimal n) {
			cell.setCellValue(n.doubleValue());
			cell.setCellStyle(plain);
		}
		else {
			String s = value.toString();
			cell.setCellValue(s);
			// text Excel would take for a formula is marked as text (formula injection)
			cell.setCellStyle(!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? text : plain);
		}
	}

	private static int width(LedgerColumn column) {
		int characters = switch (column) {
			case NAME, INVESTOR, REMARK -> 30;
			case CODE, PARK, INDUSTRY -> 14;
			default -> column.kind() == LedgerColumn.Kind.DATE ? 12 : 14;
		};
		return characters * 256 * 2 / 2 + 512;
	}

}
