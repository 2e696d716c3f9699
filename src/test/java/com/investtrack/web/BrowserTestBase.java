package com.investtrack.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.investtrack.support.Prerequisite;

/**
 * Page tests in a real headless Chromium, the Debian packages' browser and driver;
 * Selenium Manager is never asked to download anything (the driver's path is given to the
 * service). Without Chromium the tests are skipped with a line on the console, except in
 * CI ({@code CI=true}), where they must run.
 */
abstract class BrowserTestBase extends WebTestBase {

	/** Debian's paths; -Dtest.chromium and -Dtest.chromedriver name others. */
	static final Path CHROMIUM = Path.of(System.getProperty("test.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("test.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static WebDriver driver;

	private static Path profile;

	@BeforeAll
	static void requireChromium() {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			Prerequisite.missing("Browser tests", "no Chromium or chromedriver at " + CHROMIUM + " / " + CHROMEDRIVER
					+ " (apt-get install chromium chromium-driver)");
		}
	}

	@AfterAll
	static void quitBrowser() throws IOException {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
		if (profile != null) {
			try (var files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			profile = null;
		}
	}

	/** Every test starts logged out, in the browser's own language. */
	@BeforeEach
	void freshSession() {
		open("/login");
		browser().manage().deleteAllCookies();
	}

	protected WebDriver browser() {
		if (driver == null) {
			try {
				profile = Files.createTempDirectory("chromium-profile");
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--disable-extensions", "--window-size=1400,1000", "--lang=en-US",
					"--user-data-dir=" + profile.toAbsolutePath());
			options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
			// the console, so tests can check that the Content-Security-Policy blocked
			// nothing
			options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		}
		return driver;
	}

	/**
	 * Console messages since the last call that report something the
	 * Content-Security-Policy refused.
	 */
	protected List<String> cspViolations() {
		return browser().manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")
					|| m.contains("Refused to"))
			.toList();
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	protected void open(String path) {
		browser().get(url(path));
	}

	/** Logs in through the form, as a person would, and waits for the board. */
	protected void loginAs(String user) {
		open("/login");
		browser().findElement(By.id("username")).sendKeys(user);
		browser().findElement(By.id("password")).sendKeys("demo");
		clickAndWait(browser().findElement(By.cssSelector("form button[type=submit]")));
		waitFor(By.cssSelector("nav.mainnav"));
	}

	protected WebElement $(String css) {
		return browser().findElement(By.cssSelector(css));
	}

	protected List<WebElement> $$(String css) {
		return browser().findElements(By.cssSelector(css));
	}

	protected WebElement waitFor(By by) {
		return new WebDriverWait(browser(), Duration.ofSeconds(15))
			.until(ExpectedConditions.presenceOfElementLocated(by));
	}

	protected Object script(String js, Object... args) {
		return ((JavascriptExecutor) browser()).executeScript(js, args);
	}

	/**
	 * Clicks a button or link and waits until the next page has loaded: a mark left on
	 * this page's window is gone and the new document is complete (staleness checks race
	 * with Chromium while the old document unloads).
	 */
	protected void clickAndWait(WebElement element) {
		script("window.__leaving = true");
		element.click();
		new WebDriverWait(browser(), Duration.ofSeconds(15)).ignoring(WebDriverException.class)
			.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
				.executeScript("return window.__leaving === undefined && document.readyState === 'complete'")));
	}

	/** Saves a full-page screenshot as target/screenshots/{name}.png. */
	protected void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Object height = script("return document.documentElement.scrollHeight");
			var size = browser().manage().window().getSize();
			int h = Math.min(Math.max(((Number) height).intValue(), 600), 5000);
			browser().manage().window().setSize(new Dimension(size.getWidth(), h));
			script("window.scrollTo(0, 0)");
			File shot = ((TakesScreenshot) browser()).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
			browser().manage().window().setSize(size);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The session cookie of the browser, to fetch downloads as the logged-in user. */
	protected String sessionCookie() {
		return "JSESSIONID=" + browser().manage().getCookieNamed("JSESSIONID").getValue();
	}

}
