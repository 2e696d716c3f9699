package com.investtrack.ledger;

import java.util.List;
import java.util.Optional;

import com.investtrack.common.Stage;

/**
 * The ledger's columns: the header the export writes first, then the variants bureaus
 * type. A header matches after {@link Text#normalise} and without its unit in brackets,
 * so 总投资（万元） and 总投资(亿元) are the same column.
 */
enum LedgerColumn {

	CODE(Kind.TEXT, "项目编号", "编号", "项目代码", "台账编号", "序号编号"), NAME(Kind.TEXT, "项目名称", "名称"),
	INVESTOR(Kind.TEXT, "投资方", "投资主体", "企业名称", "投资企业", "投资单位"), PARK(Kind.TEXT, "所在园区", "落户园区", "园区", "所属园区"),
	INDUSTRY(Kind.TEXT, "所属产业", "产业类别", "产业", "行业", "所属行业"),
	TOTAL_INVESTMENT(Kind.MONEY, "总投资", "计划总投资", "总投资额", "投资总额"),
	FIXED_ASSET_INVESTMENT(Kind.MONEY, "固定资产投资", "固投", "固定资产投资额"),
	CONTRACTED_INVESTMENT(Kind.MONEY, "合同引资额", "合同投资额", "合同金额", "合同引资"),
	LAND(Kind.LAND, "用地", "用地面积", "占地面积", "土地面积", "供地面积"), ASSET_MODEL(Kind.TEXT, "落地方式", "落户方式"),
	PROJECT_TYPE(Kind.TEXT, "项目类型", "建设性质"), CHANNEL(Kind.TEXT, "招商渠道", "引进渠道", "招商方式"),
	NEGOTIATION_ON(Kind.DATE, "首谈", "首谈日期", "首谈时间", "洽谈日期"), SIGNING_ON(Kind.DATE, "签约", "签约日期", "签约时间"),
	SITE_SELECTION_ON(Kind.DATE, "供地", "供地日期", "供地时间", "选址", "选址日期"), CONSTRUCTION_ON(Kind.DATE, "开工", "开工日期", "开工时间"),
	PRODUCTION_ON(Kind.DATE, "投产", "投产日期", "投产时间"), AGREED_SIGNING(Kind.DATE, "约定签约", "约定签约日期", "约定签约时间"),
	AGREED_SITE_SELECTION(Kind.DATE, "约定供地", "约定供地日期", "约定供地时间"),
	AGREED_CONSTRUCTION(Kind.DATE, "约定开工", "约定开工日期", "约定开工时间", "计划开工"),
	AGREED_PRODUCTION(Kind.DATE, "约定投产", "约定投产日期", "约定投产时间", "计划投产"), STATUS(Kind.TEXT, "项目状态", "状态", "项目进度", "进展阶段"),
	DROPPED_ON(Kind.DATE, "终止日期", "终止时间", "停止洽谈日期"), OFFICER(Kind.TEXT, "招商专员", "责任人", "专员"),
	LEADER(Kind.TEXT, "包保领导", "包联领导", "联系领导"), REMARK(Kind.TEXT, "备注", "说明");

	/** How a column's cells are read. */
	enum Kind {

		TEXT, MONEY, LAND, DATE

	}

	private final Kind kind;

	private final List<String> headers;

	LedgerColumn(Kind kind, String... headers) {
		this.kind = kind;
		this.headers = List.of(headers);
	}

	Kind kind() {
		return kind;
	}

	/** The header the export writes, with its unit. */
	String exportHeader() {
		return switch (kind) {
			case MONEY -> headers.get(0) + "（万元）";
			case LAND -> headers.get(0) + "（亩）";
			default -> headers.get(0);
		};
	}

	/** The column a header names (already normalised, without its unit), if any. */
	static Optional<LedgerColumn> byHeader(String header) {
		for (LedgerColumn column : values()) {
			if (column.headers.contains(header)) {
				return Optional.of(column);
			}
		}
		return Optional.empty();
	}

	/** The milestone whose effective date this column holds, if it is one. */
	Optional<Stage> reached() {
		return switch (this) {
			case NEGOTIATION_ON -> Optional.of(Stage.NEGOTIATION);
			case SIGNING_ON -> Optional.of(Stage.SIGNING);
			case SITE_SELECTION_ON -> Optional.of(Stage.SITE_SELECTION);
			case CONSTRUCTION_ON -> Optional.of(Stage.CONSTRUCTION);
			case PRODUCTION_ON -> Optional.of(Stage.PRODUCTION);
			default -> Optional.empty();
		};
	}

	/** The milestone whose agreed date this column holds, if it is one. */
	Optional<Stage> agreed() {
		return switch (this) {
			case AGREED_SIGNING -> Optional.of(Stage.SIGNING);
			case AGREED_SITE_SELECTION -> Optional.of(Stage.SITE_SELECTION);
			case AGREED_CONSTRUCTION -> Optional.of(Stage.CONSTRUCTION);
			case AGREED_PRODUCTION -> Optional.of(Stage.PRODUCTION);
			default -> Optional.empty();
		};
	}

}
