package ru.marketplace.keycloak.reset.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.theme.beans.MessageFormatterMethod;
import ru.marketplace.keycloak.i18n.PluralRules;
import ru.marketplace.keycloak.i18n.ShippedMessages;

/**
 * The templates pick plural forms themselves for numbers only they know (the password rules): the FreeMarker
 * function in marketplace-plural.ftl must choose exactly the key {@link PluralRules#pickKey} chooses, for every
 * number and both languages, with the real bundles and Keycloak's own {@code msg}.
 */
class PluralTemplateTest {

    private static final File TEMPLATES = new File("src/main/resources/theme-resources/templates");

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void theTemplateChoosesTheKeyJavaChooses(String language) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        Properties messages = ShippedMessages.load(language);
        PluralRules rules = PluralRules.forLocale(locale);
        for (String base : new String[] {"marketplacePasswordDigits", "marketplacePasswordLength", "marketplaceMinutes",
                "marketplaceChecklistMinLength", "marketplaceNoSuchKey"}) {
            StringBuilder expected = new StringBuilder();
            StringBuilder template = new StringBuilder("<#import \"marketplace-plural.ftl\" as plural>");
            for (int n = 0; n <= 250; n++) {
                expected.append(rules.pickKey(base, n, messages::containsKey)).append('\n');
                template.append("${plural.key(\"").append(base).append("\", ").append(n).append(")}\n");
            }
            assertEquals(expected.toString(), render(template.toString(), language, locale, messages), base);
        }
    }

    @Test
    void theLanguageOfARegionalTagIsItsFirstPart() throws Exception {
        Properties messages = ShippedMessages.load("ru");
        String template = "<#import \"marketplace-plural.ftl\" as plural>${plural.key(\"marketplaceMinutes\", 3)}";
        assertEquals("marketplaceMinutes.few", render(template, "ru-RU", Locale.forLanguageTag("ru-RU"), messages));
        assertEquals("marketplaceMinutes.other", render(template, "en-GB", Locale.UK, messages));
    }

    @Test
    void dataAttributesCarryEveryVariantForTheScript() throws Exception {
        Properties messages = ShippedMessages.load("ru");
        String html = render("<#import \"marketplace-plural.ftl\" as plural><p<@plural.dataAttributes name=\"seconds\" baseKey=\"marketplaceSeconds\"/>>",
                "ru", Locale.forLanguageTag("ru"), messages);
        assertEquals("<p data-seconds-one=\"{0} секунду\" data-seconds-few=\"{0} секунды\" data-seconds-many=\"{0} секунд\""
                + " data-seconds-other=\"{0} секунды\">", html);
    }

    /** Renders as Keycloak's DefaultFreeMarkerProvider does: HTML output format, the theme's msg method. */
    private static String render(String source, String lang, Locale locale, Properties messages)
            throws IOException, TemplateException {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_32);
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        configuration.setTemplateLoader(new FileTemplateLoader(TEMPLATES));
        Template template = new Template("test.ftl", new StringReader(source), configuration);
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("msg", new MessageFormatterMethod(locale, messages));
        StringWriter out = new StringWriter();
        template.process(model, out);
        return out.toString();
    }
}
