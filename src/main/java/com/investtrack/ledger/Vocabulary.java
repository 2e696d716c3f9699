package com.investtrack.ledger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.investtrack.common.Stage;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Channel;
import com.investtrack.project.ProjectType;

/**
 * The Chinese words of the ledger's choice columns, each with its common synonyms; the
 * first word of each value is the one the export writes. The English constant names are
 * read too.
 */
final class Vocabulary {

	/** 项目状态: a stage, or dropped (终止). */
	enum Status {

		NEGOTIATION, SIGNING, SITE_SELECTION, CONSTRUCTION, PRODUCTION, DROPPED;

		Optional<Stage> stage() {
			return this == DROPPED ? Optional.empty() : Optional.of(Stage.valueOf(name()));
		}

	}

	static final Map<String, Status> STATUS = words(Status.class, "在谈", Status.NEGOTIATION, "洽谈", Status.NEGOTIATION,
			"洽谈中", Status.NEGOTIATION, "在洽谈", Status.NEGOTIATION, "已签约", Status.SIGNING, "签约", Status.SIGNING, "签约未供地",
			Status.SIGNING, "已供地", Status.SITE_SELECTION, "供地", Status.SITE_SELECTION, "已选址", Status.SITE_SELECTION,
			"在建", Status.CONSTRUCTION, "已开工", Status.CONSTRUCTION, "开工", Status.CONSTRUCTION, "建设中",
			Status.CONSTRUCTION, "已投产", Status.PRODUCTION, "投产", Status.PRODUCTION, "竣工投产", Status.PRODUCTION, "终止",
			Status.DROPPED, "已终止", Status.DROPPED, "停止洽谈", Status.DROPPED, "中止", Status.DROPPED);

	static final Map<String, AssetModel> ASSET_MODEL = words(AssetModel.class, "供地", AssetModel.HEAVY, "租赁厂房",
			AssetModel.LIGHT, "购买厂房", AssetModel.LIGHT, "租厂房", AssetModel.LIGHT, "买厂房", AssetModel.LIGHT);

	static final Map<String, ProjectType> PROJECT_TYPE = words(ProjectType.class, "新建", ProjectType.NEW, "扩建",
			ProjectType.EXPANSION, "技改", ProjectType.UPGRADE, "技术改造", ProjectType.UPGRADE, "迁建", ProjectType.RELOCATION,
			"搬迁", ProjectType.RELOCATION);

	static final Map<String, Channel> CHANNEL = words(Channel.class, "以商招商", Channel.BUSINESS_REFERRAL, "商会招商",
			Channel.BUSINESS_REFERRAL, "驻点招商", Channel.RESIDENT_OFFICE, "驻外招商", Channel.RESIDENT_OFFICE, "中介招商",
			Channel.AGENCY, "委托招商", Channel.AGENCY, "基金招商", Channel.FUND, "资本招商", Channel.FUND, "展会招商", Channel.EXPO,
			"网络招商", Channel.ONLINE, "线上招商", Channel.ONLINE, "其他", Channel.OTHER);

	/** The word the export writes for a value: the first one listed for it. */
	static <E extends Enum<E>> String word(Map<String, E> words, E value) {
		if (value == null) {
			return null;
		}
		return words.entrySet()
			.stream()
			.filter(e -> e.getValue() == value)
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(value.name());
	}

	/**
	 * The value a typed word names, if any (normalised, or the English constant name).
	 */
	static <E extends Enum<E>> Optional<E> read(Map<String, E> words, String typed) {
		String key = Text.normalise(typed);
		return Optional.ofNullable(words.get(key)).or(() -> Optional.ofNullable(words.get(key.toUpperCase())));
	}

	@SuppressWarnings("unchecked")
	private static <E extends Enum<E>> Map<String, E> words(Class<E> type, Object... pairs) {
		Map<String, E> words = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			words.put((String) pairs[i], (E) pairs[i + 1]);
		}
		for (E constant : type.getEnumConstants()) {
			words.putIfAbsent(constant.name(), constant);
		}
		return Collections.unmodifiableMap(words);
	}

	private Vocabulary() {
	}

}
