package org.harmony.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.harmony.api.ApiClient;
import org.harmony.api.ApiException;
import org.harmony.api.ApiResponse;
import org.harmony.api.client.DocumentsApi;
import org.harmony.api.client.ImagesApi;
import org.harmony.api.client.PagesApi;
import org.harmony.api.client.SearchApi;
import org.harmony.api.client.SyncApi;
import org.harmony.api.model.BodyStreamItem;
import org.harmony.api.model.DocumentItem;
import org.harmony.api.model.DocumentListing;
import org.harmony.api.model.Error;
import org.harmony.api.model.ImageItem;
import org.harmony.api.model.ImageListing;
import org.harmony.api.model.LocaleCode;
import org.harmony.api.model.NewsArticlePage;
import org.harmony.api.model.Page;
import org.harmony.api.model.PageListing;
import org.harmony.api.model.PageReference;
import org.harmony.api.model.PageType;
import org.harmony.api.model.ProgramPage;
import org.harmony.api.model.RequestedRendition;
import org.harmony.api.model.SearchResults;
import org.harmony.api.model.SuccessStoryPage;
import org.harmony.api.model.SyncAnswer;
import org.harmony.api.model.SyncItem;
import org.harmony.api.model.TipSheetPage;
import org.harmony.api.model.YearFacetValue;

/**
 * A small app on the Java client that openapi-generator makes (clients/generate.sh java).
 *
 * <p>It reads every endpoint of the content API in both languages: every page listed to the end and fetched as its own
 * class, each type's listing with every field, find, images, documents, an initial sync and its delta, search,
 * suggestions and the errors. It prints what it got as JSON; an answer the client cannot parse, or with another status
 * than declared, is a failure (exit status 1).
 */
public final class App {
    private final ApiClient client = new ApiClient();
    private final PagesApi pages;
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Object> report = new TreeMap<>();
    private int calls;

    private App(String baseUrl) {
        client.updateBaseUri(baseUrl);
        pages = new PagesApi(client);
    }

    interface Call<T> {
        T run() throws ApiException;
    }

    private <T> T call(String label, Call<T> call) {
        calls++;
        try {
            return call.run();
        } catch (ApiException | RuntimeException error) {
            failures.add(label + ": " + error);
            return null;
        }
    }

    /** The body of an answer the client throws as an exception (any status but 2xx), parsed as its declared type. */
    private <T> T refused(String label, int status, Class<T> type, Call<?> call) {
        calls++;
        try {
            call.run();
            failures.add(label + ": answered, expected " + status);
        } catch (ApiException answer) {
            if (answer.getCode() != status) {
                failures.add(label + ": " + answer.getCode() + ", expected " + status);
            } else if (type != null) {
                try {
                    return client.getObjectMapper().readValue(answer.getResponseBody(), type);
                } catch (Exception error) {
                    failures.add(label + ": " + error);
                }
            }
        }
        return null;
    }

    private static void tally(Map<String, Integer> counts, String key) {
        counts.merge(key, 1, Integer::sum);
    }

    private void pages(LocaleCode locale) {
        Map<String, Integer> kinds = new TreeMap<>();
        for (int offset = 0, total = 1; offset < total; offset += 20) {
            int from = offset;
            PageListing listing = call("pages " + locale, () -> pages.listPages(
                    null, locale, null, null, null, null, null, null, null, null, null, null, null, null, 20, from, null, null, null, null, null, null, null, null));
            if (listing == null) {
                return;
            }
            total = listing.getMeta().getTotalCount();
            for (Page item : listing.getItems()) {
                Object listed = item.getActualInstance();
                int id = idOf(listed);
                Page page = call("page " + id, () -> pages.getPage(id, null, null, null, null, null, null, null));
                if (page == null || page.getActualInstance().getClass() != listed.getClass()) {
                    failures.add("page " + id + " is not a " + listed.getClass().getSimpleName());
                    continue;
                }
                tally(kinds, page.getActualInstance().getClass().getSimpleName());
                String path = URI.create(htmlUrlOf(page.getActualInstance())).getPath();
                PageReference found = refused("find " + path, 302, PageReference.class, () -> {
                    pages.findPage(path);
                    return null;
                });
                if (found != null && found.getId() != id) {
                    failures.add("find " + path + ": page " + found.getId());
                }
            }
        }
        report.put("pages " + locale.getValue(), kinds);
    }

    private static int idOf(Object page) {
        return ((Number) invoke(page, "getId")).intValue();
    }

    private static String htmlUrlOf(Object page) {
        Object meta = invoke(page, "getMeta");
        return String.valueOf(invoke(meta, "getHtmlUrl"));
    }

    private static Object invoke(Object target, String getter) {
        try {
            return target.getClass().getMethod(getter).invoke(target);
        } catch (ReflectiveOperationException error) {
            throw new IllegalStateException(getter + " on " + target.getClass().getSimpleName(), error);
        }
    }

    private void typedListings(LocaleCode locale) {
        Map<String, Integer> blocks = new TreeMap<>();
        for (PageType type : PageType.values()) {
            PageListing listing = call("type " + type, () -> pages.listPages(
                    type, locale, null, null, null, null, null, null, "*", null, null, null, null, null, 100, null, null, null, null, null, null, null, null, null));
            for (Page page : listing == null ? List.<Page>of() : listing.getItems()) {
                Object typed = page.getActualInstance();
                List<BodyStreamItem> body = null;
                if (typed instanceof NewsArticlePage) {
                    body = ((NewsArticlePage) typed).getBody();
                } else if (typed instanceof SuccessStoryPage) {
                    body = ((SuccessStoryPage) typed).getBody();
                } else if (typed instanceof ProgramPage) {
                    ProgramPage program = (ProgramPage) typed;
                    body = program.getBody();
                    program.getFigures().forEach(figure -> tally(blocks, figure.getClass().getSimpleName()));
                } else if (typed instanceof TipSheetPage) {
                    ((TipSheetPage) typed).getTips().forEach(tip -> tally(blocks, tip.getClass().getSimpleName()));
                }
                for (BodyStreamItem block : body == null ? List.<BodyStreamItem>of() : body) {
                    tally(blocks, block.getActualInstance().getClass().getSimpleName());
                }
            }
        }
        report.put("blocks " + locale.getValue(), blocks);
    }

    private void sync(LocaleCode locale) {
        SyncApi sync = new SyncApi(client);
        Map<String, Integer> kinds = new TreeMap<>();
        SyncAnswer answer = call("sync " + locale, () -> sync.sync(locale, null, 50, null, null, null, null, null, null));
        while (answer != null) {
            for (SyncItem item : answer.getItems()) {
                tally(kinds, item.getActualInstance().getClass().getSimpleName());
            }
            if (answer.getNextPageToken() == null) {
                break;
            }
            String token = answer.getNextPageToken();
            answer = call("sync next page", () -> sync.sync(null, token, 50, null, null, null, null, null, null));
        }
        if (answer == null) {
            return;
        }
        String token = answer.getNextSyncToken();
        ApiResponse<SyncAnswer> delta = call("sync delta", () -> sync.syncWithHttpInfo(null, token, null, null, null, null, null, null, null));
        if (delta != null) {
            String etag = delta.getHeaders().getOrDefault("etag", List.of("")).get(0);
            refused("sync delta again", 304, null, () -> sync.sync(null, token, null, null, null, null, null, null, etag));
            kinds.put("delta", delta.getData().getItems().size());
        }
        report.put("sync " + locale.getValue(), kinds);
    }

    private void media() {
        ImagesApi images = new ImagesApi(client);
        ImageListing imageListing = call("images", () -> images.listImages(null, null, null, 100, null, null, null, null, null, null, null));
        for (ImageItem image : imageListing == null ? List.<ImageItem>of() : imageListing.getItems()) {
            // A 130-point square list cell on a 3x screen: 390 pixels, cropped around the subject, in WebP.
            ImageItem one = call("image " + image.getId(), () -> images.getImage(image.getId(), null, 130, 130, "fill", "webp", 3, null));
            if (one != null && one.getRenditions().getMedium().getWebp().getUrl() == null) {
                failures.add("image " + image.getId() + " without renditions");
            }
            if (one != null && one.getWidth() >= 390 && one.getHeight() >= 390) {
                RequestedRendition cell = one.getRendition();
                if (cell == null || cell.getWidth() != 390 || cell.getHeight() != 390 || !fetchesAs(cell.getUrl(), "image/webp")) {
                    failures.add("image " + image.getId() + " without its 390x390 WebP rendition");
                }
            }
        }
        DocumentsApi documents = new DocumentsApi(client);
        DocumentListing documentListing = call("documents", () -> documents.listDocuments(null, null, null, 100, null, null));
        for (DocumentItem document : documentListing == null ? List.<DocumentItem>of() : documentListing.getItems()) {
            call("document " + document.getId(), () -> documents.getDocument(document.getId(), null, null));
        }
        report.put("images", imageListing == null ? null : imageListing.getItems().size());
        report.put("documents", documentListing == null ? null : documentListing.getItems().size());
    }

    private void search() {
        SearchApi search = new SearchApi(client);
        for (Map.Entry<LocaleCode, String> query : Map.of(LocaleCode.EN, "water", LocaleCode.ZH_HANS, "节水").entrySet()) {
            SearchResults results = call("search", () -> search.search(
                    query.getValue(), query.getKey(), null, null, null, null, null, null, null, null, null));
            var suggested = call("suggest", () -> search.suggest(query.getValue().substring(0, 2), query.getKey(), null));
            if (results != null && suggested != null) {
                List<Integer> years = new ArrayList<>();
                for (YearFacetValue year : results.getFacets().getYear()) {
                    years.add(year.getValue());
                }
                report.put("search " + query.getKey().getValue(), Map.of(
                        "hits", results.getItems().size(), "suggestions", suggested.getSuggestions().size(), "years", years));
            }
        }
    }

    /** Whether the URL answers 200 with a body of this content type (a rendition made on its first request). */
    private static boolean fetchesAs(URI url, String contentType) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 && response.body().length > 0
                    && response.headers().firstValue("content-type").orElse("").equals(contentType);
        } catch (IOException | InterruptedException error) {
            return false;
        }
    }

    private void errors() {
        List<String> seen = new ArrayList<>();
        SyncApi sync = new SyncApi(client);
        List<Map.Entry<Integer, Call<?>>> calls = List.of(
                Map.entry(400, () -> pages.listPages(null, LocaleCode.ZH_HANS, null, null, null, null, null, null, null,
                        null, null, null, null, null, 1000, null, null, null, null, null, null, null, null, null)),
                Map.entry(404, () -> pages.getPage(999999, null, null, null, null, null, null, null)),
                Map.entry(400, () -> sync.sync(null, "garbage", null, null, null, null, null, null, null)),
                Map.entry(403, () -> pages.previewPage("garbage")));
        for (Map.Entry<Integer, Call<?>> refusal : calls) {
            Error error = refused("error", refusal.getKey(), Error.class, refusal.getValue());
            if (error != null) {
                seen.add(refusal.getKey() + " " + error.getCode().getValue() + " " + error.getParameter());
            }
        }
        report.put("errors", seen);
    }

    private int run() throws Exception {
        for (LocaleCode locale : LocaleCode.values()) {
            pages(locale);
            typedListings(locale);
            sync(locale);
        }
        media();
        search();
        errors();
        report.put("calls", calls);
        report.put("failures", failures);
        System.out.println(client.getObjectMapper().writeValueAsString(report));
        return failures.isEmpty() ? 0 : 1;
    }

    public static void main(String[] arguments) throws Exception {
        System.exit(new App(arguments[0]).run());
    }
}
