package io.walletledger.projection.dashboard;

import io.walletledger.projection.accountview.AccountView.Amount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Money, chart scale and escaping: the pure parts of the dashboard. */
class DashboardFormattingTest {

    @Test
    void the_currency_exponent_places_the_decimal_point() {
        assertThat(MoneyFormat.format(new Amount(123_456, "EUR"))).isEqualTo("EUR 1,234.56");
        assertThat(MoneyFormat.format(new Amount(5, "EUR"))).isEqualTo("EUR 0.05");
        assertThat(MoneyFormat.format(new Amount(123_456, "JPY"))).isEqualTo("JPY 123,456");
        assertThat(MoneyFormat.format(new Amount(1_234_567, "BHD"))).isEqualTo("BHD 1,234.567");
        assertThat(MoneyFormat.format(new Amount(-2_050, "USD"))).isEqualTo("USD -20.50");
    }

    @Test
    void the_largest_amounts_stay_exact() {
        assertThat(MoneyFormat.format(new Amount(Long.MAX_VALUE, "EUR"))).isEqualTo("EUR 92,233,720,368,547,758.07");
        assertThat(MoneyFormat.format(new Amount(1_000_000_000_000_001L, "EUR")))
                .isEqualTo("EUR 10,000,000,000,000.01");
    }

    @Test
    void a_missing_amount_or_currency_still_renders() {
        assertThat(MoneyFormat.format(null)).isEqualTo("\u2014");
        assertThat(MoneyFormat.format(new Amount(1_250, null))).isEqualTo("1,250");
    }

    @Test
    void chart_steps_are_round_and_reach_the_largest_bar() {
        assertThat(SvgBarChart.step(0, "EUR")).isEqualTo(100);
        assertThat(SvgBarChart.step(9_555, "EUR")).isEqualTo(5_000);
        assertThat(SvgBarChart.step(7, "EUR")).isEqualTo(2);
        assertThat(SvgBarChart.height(1, 1_000_000)).isEqualTo(1);
        assertThat(SvgBarChart.height(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2)).isPositive();
    }

    @Test
    void markup_in_data_is_escaped() {
        assertThat(Html.escape("<b a='1'>\"x\" & y</b>"))
                .isEqualTo("&lt;b a=&#39;1&#39;&gt;&quot;x&quot; &amp; y&lt;/b&gt;");
        assertThat(Html.escape(null)).isEmpty();
    }
}
