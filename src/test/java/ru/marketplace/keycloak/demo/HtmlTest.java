package ru.marketplace.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesWhatCouldOpenATagOrCloseAnAttribute() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;",
                Html.escape("<script>alert(\"x\")</script> & '"));
        assertEquals("Код: 012345 — «Войти»", Html.escape("Код: 012345 — «Войти»"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void aPageEscapesItsTitleAndRefreshesOnlyWhenAsked() {
        String page = Html.page("<b>", "<p>body</p>", 0);
        assertTrue(page.contains("<title>&lt;b&gt;</title>"), page);
        assertTrue(page.contains("<html lang=\"ru\">"));
        assertTrue(!page.contains("http-equiv=\"refresh\""));
        assertTrue(Html.page("t", "", 3).contains("<meta http-equiv=\"refresh\" content=\"3\">"));
    }
}
