package com.investtrack.web;

import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

import com.investtrack.common.Stage;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Health;
import com.investtrack.report.ReportFilter;

/**
 * The dashboard's query: which projects (park, industry, asset model, year) and which two
 * milestones to measure.
 */
class DashboardFilter {

	private String park;

	private String industry;

	private AssetModel asset;

	private Integer year;

	private Stage from = Stage.NEGOTIATION;

	private Stage to = Stage.PRODUCTION;

	ReportFilter toReportFilter() {
		return new ReportFilter(park, industry, asset, year);
	}

	/** The same filter with another park and asset model: the per-park table's links. */
	public String link(String toPark, AssetModel toAsset) {
		return UriComponentsBuilder.fromPath("/dashboard")
			.queryParamIfPresent("park", Optional.ofNullable(toPark))
			.queryParamIfPresent("industry", Optional.ofNullable(industry))
			.queryParamIfPresent("asset", Optional.ofNullable(toAsset))
			.queryParamIfPresent("year", Optional.ofNullable(year))
			.queryParam("from", from)
			.queryParam("to", to)
			.build()
			.encode()
			.toUriString();
	}

	/**
	 * The board showing one stage or one health under this filter's park, industry and
	 * asset model.
	 */
	public String boardLink(Stage stage, Health health) {
		return UriComponentsBuilder.fromPath("/")
			.queryParamIfPresent("park", Optional.ofNullable(park))
			.queryParamIfPresent("industry", Optional.ofNullable(industry))
			.queryParamIfPresent("asset", Optional.ofNullable(asset))
			.queryParamIfPresent("health", Optional.ofNullable(health))
			.queryParamIfPresent("stage", Optional.ofNullable(stage))
			.build()
			.encode()
			.toUriString();
	}

	/** A CSV download of one table, under the same filter. */
	public String csv(String table, String by) {
		return UriComponentsBuilder.fromPath("/dashboard/" + table + ".csv")
			.queryParamIfPresent("by", Optional.ofNullable(by))
			.queryParamIfPresent("park", Optional.ofNullable(park))
			.queryParamIfPresent("industry", Optional.ofNullable(industry))
			.queryParamIfPresent("asset", Optional.ofNullable(asset))
			.queryParamIfPresent("year", Optional.ofNullable(year))
			.queryParam("from", from)
			.queryParam("to", to)
			.build()
			.encode()
			.toUriString();
	}

	public boolean isFiltered() {
		return park != null || industry != null || asset != null || year != null;
	}

	public String getPark() {
		return park;
	}

	public void setPark(String park) {
		this.park = park;
	}

	public String getIndustry() {
		return industry;
	}

	public void setIndustry(String industry) {
		this.industry = industry;
	}

	public AssetModel getAsset() {
		return asset;
	}

	public void setAsset(AssetModel asset) {
		this.asset = asset;
	}

	public Integer getYear() {
		return year;
	}

	public void setYear(Integer year) {
		this.year = year == null || year < 1990 || year > 2100 ? null : year;
	}

	public Stage getFrom() {
		return from;
	}

	public void setFrom(Stage from) {
		this.from = from == null ? Stage.NEGOTIATION : from;
	}

	public Stage getTo() {
		return to;
	}

	public void setTo(Stage to) {
		this.to = to == null ? Stage.PRODUCTION : to;
	}

}
