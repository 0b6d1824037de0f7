package dev.cdm.cli;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at a browser on Keycloak's own pages: opens a device login's complete verification URI (the one that
 * carries the user code), logs in with a password and grants (or denies) the CLI's access on the consent page, as
 * a real browser would post those forms. Just enough HTML reading for Keycloak's login theme; no JavaScript is needed there.
 */
public final class KeycloakBrowser {

    private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>",
            Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input[^>]*>");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieJar())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** Confirms the device login at {@code verificationUri} as the given user; the last page. */
    public String confirm(String verificationUri, String user, String password) {
        return walk(verificationUri, user, password, "accept");
    }

    /** Logs in as the given user and then denies the CLI's access; the last page. */
    public String deny(String verificationUri, String user, String password) {
        return walk(verificationUri, user, password, "cancel");
    }

    private String walk(String verificationUri, String user, String password, String answer) {
        String page = get(URI.create(verificationUri));
        for (int step = 0; step < 5; step++) {
            Matcher form = FORM.matcher(page);
            if (!form.find()) {
                return page;
            }
            String action = unescape(form.group(1));
            String body = form.group(2);
            Map<String, String> fields = hiddenFields(body);
            if (body.contains("name=\"password\"")) {
                fields.put("username", user);
                fields.put("password", password);
            } else if (body.contains("name=\"accept\"")) {
                fields.put(answer, "");
            } else {
                return page;
            }
            page = post(URI.create(verificationUri).resolve(action), fields);
        }
        throw new IllegalStateException("Keycloak kept showing forms; the last page:\n" + page);
    }

    private static Map<String, String> hiddenFields(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            String tag = input.group();
            String name = attribute(tag, "name");
            if ("hidden".equals(attribute(tag, "type")) && name != null) {
                String value = attribute(tag, "value");
                fields.put(name, value == null ? "" : unescape(value));
            }
        }
        return fields;
    }

    private static String attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return value.find() ? value.group(1) : null;
    }

    private String get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    private String post(URI uri, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                throw new IllegalStateException("Keycloak answered HTTP " + response.statusCode() + " to "
                        + request.uri());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">");
    }

    /**
     * Keeps every cookie Keycloak sets and sends them all back. Browsers treat localhost as a secure context and
     * send Keycloak's {@code Secure} cookies over plain http there; {@link java.net.CookieManager} would drop them.
     */
    private static final class CookieJar extends CookieHandler {
        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if ("set-cookie".equalsIgnoreCase(name)) {
                    values.stream().flatMap(value -> HttpCookie.parse(value).stream()).forEach(cookie -> {
                        if (cookie.getMaxAge() == 0) {
                            cookies.remove(cookie.getName());
                        } else {
                            cookies.put(cookie.getName(), cookie.getValue());
                        }
                    });
                }
            });
        }
    }
}
