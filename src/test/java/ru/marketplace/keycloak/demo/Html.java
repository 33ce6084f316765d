package ru.marketplace.keycloak.demo;

/**
 * The demo pages' HTML: escaping for everything that comes from outside (mail, token claims, error texts) and the
 * one page frame both sites share.
 */
public final class Html {

    // on a phone each claim's value goes under its name: beside the names its column is too narrow for a date
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f5f6f8;
              color:#1d2330}
            header{background:#3b2dbf;color:#fff;padding:14px 24px;font-size:18px}
            main{max-width:880px;margin:24px auto;padding:0 16px}
            .card{background:#fff;border-radius:10px;padding:20px 24px;margin-bottom:16px;box-shadow:0 1px 3px #0002}
            .button{display:inline-block;background:#3b2dbf;color:#fff;border:0;border-radius:8px;padding:10px 22px;
              font-size:16px;text-decoration:none;cursor:pointer}
            .muted{color:#667}
            .code{font-size:28px;letter-spacing:4px;font-weight:700;color:#3b2dbf}
            pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f0f1f4;padding:12px;border-radius:6px}
            iframe.mail-html{display:block;width:100%;height:640px;border:1px solid #e4e6eb;border-radius:6px;
              background:#fff}
            table{border-collapse:collapse;width:100%}
            td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #e4e6eb;vertical-align:top}
            th{white-space:nowrap}
            td{overflow-wrap:anywhere}
            @media (max-width:600px){#claims th,#claims td{display:block;border-bottom:0}
              #claims th{padding-bottom:0}#claims td{padding-top:2px;border-bottom:1px solid #e4e6eb}}
            """;

    private Html() {
    }

    /** Escapes the five characters that matter in element content and in quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A complete page. {@code bodyHtml} must already be escaped where it holds outside text.
     *
     * @param refreshSeconds reload the page every so many seconds; {@code 0} for never
     */
    public static String page(String title, String bodyHtml, int refreshSeconds) {
        String refresh = refreshSeconds > 0
                ? "<meta http-equiv=\"refresh\" content=\"" + refreshSeconds + "\">\n" : "";
        return "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" + refresh
                + "<title>" + escape(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n"
                + "<header>" + escape(title) + "</header>\n<main>\n" + bodyHtml + "\n</main>\n</body>\n</html>\n";
    }
}
