package io.walletledger.projection.dashboard;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.payment.FundingSource;
import io.walletledger.projection.TestApiKeys;
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merchant dashboard in a real headless Chromium, over events from the real topic projected
 * into real PostgreSQL: exact figures, the charts, and a live refresh without reloading the page.
 */
@ExtendWith(RealServices.class)
class MerchantDashboardBrowserTest {

    private static final Path SCREENSHOT = Path.of("target", "dashboard-screenshot.png");
    /** Markup in data must show as text, never become markup. */
    private static final String ORDER = "<b>order</b> & \"co\"";

    private static EventTopic topic;
    private static EmbeddedServer server;
    private static ProjectionHttp http;
    private static TestApiKeys keys;

    @BeforeAll
    static void start(KafkaEndpoint kafka, PostgresDatabase database) throws Exception {
        topic = new EventTopic(kafka);
        server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(kafka, database));
        http = new ProjectionHttp(server.getURL().toString());
        keys = TestApiKeys.of(server.getApplicationContext());
    }

    @AfterAll
    static void stop() {
        server.getApplicationContext().close();
        topic.close();
    }

    @Test
    void the_dashboard_shows_exact_figures_and_refreshes_them_without_a_reload() throws Exception {
        // A zone where it is about noon now, so "today" cannot roll over while the test runs.
        ZoneId zone = ZoneId.ofOffset("UTC", ZoneOffset.ofHours(12 - LocalTime.now(ZoneOffset.UTC).getHour()));
        String key = UUID.randomUUID().toString().substring(0, 8);
        ShopEvents shop = new ShopEvents("merch-dash-" + key, "cust-dash-" + key);
        String wallet = "pay-" + key + "-wallet";
        String card = "pay-" + key + "-card";
        String small = "pay-" + key + "-small";
        topic.publish(ShopEvents.all(List.of(shop.openAccounts(100_00),
                shop.capturedPayment(wallet, FundingSource.WALLET, 12_50, 40),
                shop.capturedPayment(card, ORDER, FundingSource.CARD, 80_00, 1_50),
                shop.capturedPayment(small, FundingSource.WALLET, 3_05, 10),
                shop.cardRefund(card, "refund-1", 20_00))));
        http.awaitPayment(wallet, "CAPTURED", 40);
        http.awaitPayment(small, "CAPTURED", 10);
        http.awaitPayment(card, "PARTIALLY_REFUNDED", 1_50);
        http.awaitSalesToday(shop.merchant, zone, 95_55, 20_00, 2_00);

        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            browser.openWithKey(http.baseUrl() + "/dashboard/merchants/" + shop.merchant + "?timeZone="
                    + URLEncoder.encode(zone.getId(), StandardCharsets.UTF_8) + "&days=7",
                    keys.merchant(shop.merchant).plaintext());
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> !d.findElements(testId("today-gross")).isEmpty());
            // the page refreshes its figures live: an element read during a re-render is stale, so read again
            new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d -> {
                assertFigures(d, shop.merchant);
                assertPayments(d, zone, wallet, card);
                assertCharts(d, zone);
                return true;
            });

            // Marks this document: a reload would lose the mark.
            ((JavascriptExecutor) driver).executeScript("window.sameDocument = 'yes';");
            String later = "pay-" + key + "-later";
            topic.publish(ShopEvents.all(List.of(shop.capturedPayment(later, FundingSource.WALLET, 10_00, 30))));
            new WebDriverWait(driver, Duration.ofSeconds(15))
                    .withMessage(() -> "the live refresh says: " + text(driver, "refresh-status"))
                    .until(d -> "EUR 105.55".equals(text(d, "today-gross"))
                            && "EUR 2.30".equals(text(d, "today-fees")));
            assertThat(((JavascriptExecutor) driver).executeScript("return window.sameDocument;")).isEqualTo("yes");
            assertThat(text(driver, "today-payments")).isEqualTo("4");
            assertThat(text(driver, "today-net")).isEqualTo("EUR 83.25");
            assertThat(text(driver, "method-WALLET-gross")).isEqualTo("EUR 25.55");
            assertThat(text(driver, "refresh-status")).matches("updated \\d{2}:\\d{2}:\\d{2}");
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> !d.findElements(testId("recent-payment-" + later)).isEmpty());

            Files.createDirectories(SCREENSHOT.getParent());
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void errors_are_problems_and_the_page_carries_its_security_headers() throws Exception {
        String key = UUID.randomUUID().toString().substring(0, 8);
        ShopEvents shop = new ShopEvents("merch-http-" + key, "cust-http-" + key);
        topic.publish(ShopEvents.all(List.of(shop.openAccounts(5_00))));
        http.awaitFound("/v1/accounts/" + shop.merchant);
        http.awaitFound("/v1/accounts/" + shop.customer);

        assertProblem(http.get("/dashboard/merchants/nobody-" + key), 404, "not_found");
        assertProblem(http.get("/dashboard/merchants/" + shop.customer), 404, "not_found");
        String dashboard = "/dashboard/merchants/" + shop.merchant;
        assertProblem(http.get(dashboard + "?timeZone=Mars/Base"), 400, "validation_failed");
        assertProblem(http.get(dashboard + "/panel?days=0"), 400, "validation_failed");
        assertProblem(http.get(dashboard + "?days=week"), 400, "validation_failed");

        String merchantKey = keys.merchant(shop.merchant).basic();
        HttpResponse<String> page = http.get(dashboard + "?timeZone=Europe/Paris&days=30", merchantKey);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertSecurityHeaders(page);
        assertThat(page.body()).contains("<script src=\"/dashboard/assets/dashboard.js\" defer></script>",
                "data-testid=\"today-gross\">EUR 0.00<", "data-testid=\"recent-payments-empty\"",
                "data-panel-url=\"" + dashboard + "/panel?timeZone=Europe%2FParis&amp;days=30\"")
                .doesNotContain("http://", "https://", "<script>");

        HttpResponse<String> panel = http.get(dashboard + "/panel?timeZone=Europe/Paris", merchantKey);
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).startsWith("<div class=\"panel\"").contains("data-testid=\"period-chart\"")
                .doesNotContain("<html");
        assertSecurityHeaders(panel);

        HttpResponse<String> script = http.get("/dashboard/assets/dashboard.js", null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(script.body()).contains("setTimeout(refresh");
        assertSecurityHeaders(script);
    }

    @Test
    void a_browser_without_a_key_is_challenged_for_one_and_another_merchants_key_is_refused() throws Exception {
        String key = UUID.randomUUID().toString().substring(0, 8);
        ShopEvents shop = new ShopEvents("merch-auth-" + key, "cust-auth-" + key);
        topic.publish(ShopEvents.all(List.of(shop.openAccounts(5_00))));
        http.awaitFound("/v1/accounts/" + shop.merchant);
        TestApiKeys.Key other = keys.merchant("merch-other-" + key);

        for (String path : List.of("/dashboard/merchants/" + shop.merchant, "/dashboard/merchants/" + shop.merchant
                + "/panel")) {
            HttpResponse<String> anonymous = http.get(path, null);
            assertProblem(anonymous, 401, "authentication_required");
            assertThat(anonymous.headers().allValues("WWW-Authenticate"))
                    .containsExactly("Basic realm=\"Wallet Ledger dashboard\", charset=\"UTF-8\"");
            assertSecurityHeaders(anonymous);
            assertProblem(http.get(path, other.basic()), 403, "forbidden");
            assertProblem(http.get(path, other.bearer()), 403, "forbidden");
            assertThat(http.get(path, keys.merchant(shop.merchant).basic()).statusCode()).isEqualTo(200);
        }
        assertProblem(http.get("/dashboard/merchants/" + shop.merchant, "Basic bm90LWEta2V5Og=="), 401,
                "invalid_api_key");
    }

    // 12.50 + 80.00 + 3.05 captured, 20.00 refunded, 0.40 + 1.50 + 0.10 fees, two payers (a wallet, a card)
    private static void assertFigures(WebDriver driver, String merchant) {
        assertThat(text(driver, "merchant-id")).isEqualTo(merchant);
        assertThat(text(driver, "today-gross")).isEqualTo("EUR 95.55");
        assertThat(text(driver, "today-refunds")).isEqualTo("EUR 20.00");
        assertThat(text(driver, "today-fees")).isEqualTo("EUR 2.00");
        assertThat(text(driver, "today-net")).isEqualTo("EUR 73.55");
        assertThat(text(driver, "today-payments")).isEqualTo("3");
        assertThat(text(driver, "period-gross")).isEqualTo("EUR 95.55");
        assertThat(text(driver, "period-refunds")).isEqualTo("EUR 20.00");
        assertThat(text(driver, "period-fees")).isEqualTo("EUR 2.00");
        assertThat(text(driver, "period-net")).isEqualTo("EUR 73.55");
        assertThat(text(driver, "period-payments")).isEqualTo("3");
        assertThat(text(driver, "period-payers")).isEqualTo("2");
        assertThat(text(driver, "period-average")).isEqualTo("EUR 31.85");
        assertThat(row(driver, "method-WALLET")).containsExactly("WALLET", "2", "EUR 15.55", "EUR 0.00", "EUR 0.50",
                "EUR 15.05");
        assertThat(row(driver, "method-CARD")).containsExactly("CARD", "1", "EUR 80.00", "EUR 20.00", "EUR 1.50",
                "EUR 58.50");
    }

    private static void assertPayments(WebDriver driver, ZoneId zone, String wallet, String card) {
        assertThat(row(driver, "recent-payment-" + card).subList(0, 8)).containsExactly(card, ORDER,
                "PARTIALLY_REFUNDED", "EUR 80.00", "EUR 80.00", "EUR 20.00", "EUR 1.50", "CARD");
        assertThat(text(driver, "recent-payment-" + card + "-status")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(text(driver, "recent-payment-" + card + "-created")).startsWith(LocalDate.now(zone).toString());
        assertThat(driver.findElements(By.cssSelector("[data-testid='recent-payments'] b"))).isEmpty();
        assertThat(text(driver, "recent-payment-" + wallet + "-status")).isEqualTo("CAPTURED");
        assertThat(text(driver, "recent-payment-" + wallet + "-fee")).isEqualTo("EUR 0.40");
    }

    private static void assertCharts(WebDriver driver, ZoneId zone) {
        List<WebElement> hours = driver.findElements(By.cssSelector("svg[data-testid='today-chart'] rect.bar"));
        assertThat(hours).hasSize(24);
        assertThat(hours.stream().mapToLong(bar -> Long.parseLong(bar.getAttribute("data-value"))).sum())
                .isEqualTo(95_55);
        WebElement busiest = hours.stream().filter(bar -> !"0".equals(bar.getAttribute("data-value"))).findFirst()
                .orElseThrow();
        assertThat(Integer.parseInt(busiest.getAttribute("height"))).isPositive();
        assertThat(busiest.findElement(By.tagName("title")).getAttribute("textContent")).contains("gross EUR");
        assertThat(driver.findElements(By.cssSelector("svg[data-testid='today-chart'] text.tick"))).isNotEmpty();
        List<WebElement> days = driver.findElements(By.cssSelector("svg[data-testid='period-chart'] rect.bar"));
        assertThat(days).hasSize(7);
        assertThat(days.get(6).getAttribute("data-value")).isEqualTo("9555");
        assertThat(days.get(6).findElement(By.tagName("title")).getAttribute("textContent"))
                .isEqualTo(LocalDate.now(zone) + ": gross EUR 95.55, 3 payments");
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private static String text(WebDriver driver, String id) {
        return driver.findElement(testId(id)).getText();
    }

    private static List<String> row(WebDriver driver, String id) {
        return driver.findElement(testId(id)).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ProjectionHttp.JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
    }

    /** The dashboard's own policy, alone: a second (the service-wide closed one) would block its script. */
    private static void assertSecurityHeaders(HttpResponse<String> response) {
        assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly(
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
        assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
    }
}
