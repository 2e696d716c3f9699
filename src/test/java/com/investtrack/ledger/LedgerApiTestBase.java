package com.investtrack.ledger;

import java.util.List;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.investtrack.support.ApiTestBase;
import com.investtrack.support.TestData;

/** Tests of the ledger: uploads a workbook over real HTTP. */
abstract class LedgerApiTestBase extends ApiTestBase {

	/** Posts a workbook as multipart field "file", as a browser or a script does. */
	protected Response upload(String user, String fileName, byte[] content, String language) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		if (user != null) {
			headers.setBasicAuth(user, TestData.PASSWORD);
		}
		if (language != null) {
			headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
		}
		var parts = new LinkedMultiValueMap<String, Object>();
		parts.add("file", new ByteArrayResource(content) {

			@Override
			public String getFilename() {
				return fileName;
			}

		});
		var answer = rest.exchange("/api/imports", HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
		JsonNode node = null;
		try {
			node = answer.getBody() == null ? null : json.readTree(answer.getBody());
		}
		catch (Exception ex) {
			node = null;
		}
		return new Response(answer.getStatusCode().value(), node, answer.getHeaders(), answer.getBody());
	}

}
