package ru.marketplace.keycloak.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium for the browser tests, driven through the system's chromedriver.
 *
 * <p>Nothing is ever downloaded: the browser and the driver are the binaries of the Debian packages
 * {@code chromium} and {@code chromium-driver} (override with {@code -Dchromium.binary=…} and
 * {@code -Dchromium.driver=…}). Because the driver's path is given to the service, Selenium never starts
 * Selenium Manager (its {@code DriverFinder} only asks it when no path is known); {@code webdriver.chrome.driver}
 * names the same file for any other code path. Each instance has a fresh profile directory, deleted on close.
 */
public final class Chromium implements AutoCloseable {

    public static final Path BINARY = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    /** The {@code <!-- template: x.ftl -->} comment of Keycloak's templates; read from the page source, which needs no script. */
    private static final Pattern TEMPLATE_MARKER = Pattern.compile("<!--\\s*template:\\s*([\\w.-]+\\.ftl)");

    /** The windows the tests look through. */
    public enum Viewport {
        DESKTOP(1280, 900, false),
        /** A common Android phone, with touch and a mobile user agent, at 1 device pixel per CSS pixel (small PNGs). */
        PHONE(360, 740, true),
        /** The narrowest phone still sold (iPhone SE 1st generation, small Androids). */
        NARROW_PHONE(320, 568, true);

        private final int width;
        private final int height;
        private final boolean mobile;

        Viewport(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final Path screenshots;
    private int screenshotCount;

    private Chromium(ChromeDriver driver, ChromeDriverService service, Path profile, Path screenshots) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /**
     * Starts Chromium with Russian as the preferred language (as the marketplace's shoppers have it).
     *
     * @param javascript   false: a browser with scripts switched off, to prove the screens work without them
     * @param screenshots  where {@link #screenshot} writes: created if missing, emptied of earlier PNGs
     */
    public static Chromium start(Viewport viewport, boolean javascript, Path screenshots) {
        requireExecutable(BINARY, "chromium");
        requireExecutable(DRIVER, "chromium-driver");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("mp-chromium-");
            Files.createDirectories(screenshots);
            // one run's set: numbered files of an earlier run would mix with this one's
            try (Stream<Path> old = Files.list(screenshots)) {
                for (Path png : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                    Files.delete(png);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--lang=ru-RU",
                "--window-size=" + viewport.width + "," + viewport.height);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("intl.accept_languages", "ru-RU,ru");
        if (!javascript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        // the network log is how a test sees a redirect to an app's URL scheme, which a browser never displays
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        if (viewport.mobile) {
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", viewport.width, "height", viewport.height, "pixelRatio", 1.0, "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/130.0 Mobile Safari/537.36"));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        // a command that hangs fails within a minute instead of Selenium's default three
        ClientConfig client = ClientConfig.defaultConfig().readTimeout(COMMAND_TIMEOUT);
        try {
            ChromeDriver driver = new ChromeDriver(service, options, client);
            driver.manage().timeouts().pageLoadTimeout(WAIT);
            return new Chromium(driver, service, profile, screenshots);
        } catch (RuntimeException e) {
            Directories.deleteQuietly(profile);
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** The template that rendered the page, from its {@code <!-- template: x.ftl -->} marker; "" if none. */
    public String templateName() {
        Matcher marker = TEMPLATE_MARKER.matcher(driver.getPageSource());
        return marker.find() ? marker.group(1) : "";
    }

    /** Waits until the page rendered by {@code template} is shown. */
    public void awaitScreen(String template) {
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "expected " + template + " but see " + templateName() + " at " + currentUrl() + ": " + bodyText())
                .until(d -> template.equals(templateName()));
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean isPresent(String css) {
        return !findAll(css).isEmpty();
    }

    /** Waits for the element to be visible and returns it. */
    public WebElement visible(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public <T> T until(String what, Function<WebDriver, T> condition) {
        return until(what, WAIT, condition);
    }

    public <T> T until(String what, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).withMessage(what).until(condition);
    }

    /** Clicks something that posts a form and waits until the browser has left the page it was on. */
    public void clickAndLeave(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, WAIT).withMessage("leaving " + currentUrl()).until(ExpectedConditions.stalenessOf(page));
    }

    /**
     * Waits until the browser is sent to a URL starting with {@code prefix} and returns that URL. Read from the
     * network log rather than the address bar: a redirect to an app's own scheme ({@code ru.marketplace.app:/…})
     * is handed to the operating system and never shown, and one to a client that is not running ends on an
     * error page.
     */
    public String awaitNavigationTo(String prefix) {
        return until("a request to " + prefix, d -> {
            for (LogEntry entry : d.manage().logs().get(LogType.PERFORMANCE)) {
                JsonNode message = Json.parseLenient(entry.getMessage()).path("message");
                String url = message.path("params").path("request").path("url").asText("");
                if ("Network.requestWillBeSent".equals(message.path("method").asText()) && url.startsWith(prefix)) {
                    return url;
                }
            }
            return null;
        });
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The id of the focused element, or "" when nothing with an id has focus. */
    public String focusedId() {
        Object id = script("return document.activeElement ? document.activeElement.id : '';");
        return id == null ? "" : id.toString();
    }

    /** Whether the page is wider than the window, so that a phone would scroll sideways. */
    public boolean scrollsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth;");
    }

    public String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * Saves the whole page (not only the window) as {@code NN-name.png} in the screenshot directory, numbered
     * in the order taken, and returns the file.
     */
    public Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", Math.ceil(((Number) content.get("width")).doubleValue()),
                "height", Math.ceil(((Number) content.get("height")).doubleValue()));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++screenshotCount, name));
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Every cookie the browser holds for the current page, as "name secure httpOnly". */
    public List<String> cookieSummary() {
        List<String> cookies = new ArrayList<>();
        driver.manage().getCookies().forEach(c -> cookies.add(c.getName() + (c.isSecure() ? " secure" : "")
                + (c.isHttpOnly() ? " httpOnly" : "")));
        return cookies;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (RuntimeException stuck) {
            // the driver no longer answers: stopping its process ends the browser it started
            service.stop();
        } finally {
            Directories.deleteQuietly(profile);
        }
    }

    private static void requireExecutable(Path file, String debianPackage) {
        if (!Files.isExecutable(file)) {
            throw new IllegalStateException(file + " is missing: the browser tests need the Debian package '"
                    + debianPackage + "' (apt-get install chromium chromium-driver)");
        }
    }

}
