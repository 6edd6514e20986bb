package io.expanse.settings;

import io.expanse.text.Texts;
import io.expanse.cloud.huawei.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Read-only, ready-made profiles from the places the official Huawei Cloud SDKs read credentials from: the
 * {@code HUAWEICLOUD_SDK_AK/SK/SECURITY_TOKEN/PROJECT_ID} environment variables, and the sections of the
 * credentials file ({@code ~/.huaweicloud/credentials}, or the file named by {@code HUAWEICLOUD_SDK_CREDENTIALS_FILE},
 * whose name must match {@code ^[a-zA-Z0-9._ -]+\.(ini|properties)$}). Their secrets are read from there each
 * time and never copied into settings. The SDK has no region setting: {@code EXPANSE_REGION} (or a section's
 * {@code region} key) supplies one, else the operator picks it in the editor.
 */
public final class SdkProfiles {

    public static final String ENV_ID = "sdk-env";
    public static final String FILE_ID_PREFIX = "sdk-file:";
    static final Pattern FILE_NAME = Pattern.compile("^[a-zA-Z0-9._ -]+\\.(ini|properties)$");

    /** A ready-made profile and its credentials. */
    public record Found(Profile profile, Credentials credentials) {
    }

    /** What was found, and what was ignored and why. */
    public record Discovery(List<Found> found, List<String> problems) {
        public Optional<Found> find(String profileId) {
            return found.stream().filter(f -> f.profile().id().equals(profileId)).findFirst();
        }
    }

    private SdkProfiles() {
    }

    /** Looks at the environment and the credentials file under {@code userHome}. Never throws. */
    public static Discovery discover(Map<String, String> env, Path userHome) {
        List<Found> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String region = blank(env.get("EXPANSE_REGION"));
        Profile.Site site = "intl".equalsIgnoreCase(env.get("EXPANSE_HUAWEI_SITE")) ? Profile.Site.INTERNATIONAL
                : Profile.Site.CHINA;
        String ak = blank(env.get("HUAWEICLOUD_SDK_AK"));
        String sk = blank(env.get("HUAWEICLOUD_SDK_SK"));
        if (ak != null && sk != null) {
            Map<String, String> endpoints = new LinkedHashMap<>();
            String endpoint = blank(env.get("EXPANSE_HUAWEI_ENDPOINT"));
            if (endpoint != null) {
                endpoints.put("all", endpoint);
            }
            String token = blank(env.get("HUAWEICLOUD_SDK_SECURITY_TOKEN"));
            Profile p = new Profile(ENV_ID, Texts.get("settings.sdk.envLabel"), Profile.Kind.HUAWEI,
                    Profile.Source.SDK_ENV, region, site, blank(env.get("HUAWEICLOUD_SDK_PROJECT_ID")), null, ak,
                    token != null, endpoints);
            found.add(new Found(p, new Credentials(ak, sk, token)));
        } else if (ak != null || sk != null) {
            problems.add(Texts.get("settings.sdk.envHalf"));
        }
        Path file = credentialsFile(env, userHome, problems);
        if (file != null) {
            readFile(file, region, site, found, problems);
        }
        return new Discovery(List.copyOf(found), List.copyOf(problems));
    }

    private static Path credentialsFile(Map<String, String> env, Path userHome, List<String> problems) {
        String named = blank(env.get("HUAWEICLOUD_SDK_CREDENTIALS_FILE"));
        if (named == null) {
            return userHome.resolve(".huaweicloud").resolve("credentials");
        }
        Path path = Path.of(named);
        if (path.getFileName() == null || !FILE_NAME.matcher(path.getFileName().toString()).matches()) {
            problems.add(Texts.get("settings.sdk.fileName"));
            return null;
        }
        return path;
    }

    private static void readFile(Path file, String region, Profile.Site site, List<Found> found,
                                 List<String> problems) {
        Map<String, Map<String, String>> sections;
        try {
            sections = parseIni(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            String why = Texts.get(e instanceof java.nio.file.AccessDeniedException ? "files.io.permissionDenied"
                    : "settings.sdk.readError");
            problems.add(Texts.get("settings.sdk.unreadable", file.toString(), why));
            return;
        }
        sections.forEach((name, keys) -> {
            String ak = blank(keys.get("ak"));
            String sk = blank(keys.get("sk"));
            if (ak == null || sk == null) {
                problems.add(Texts.get(keys.containsKey("idp_id") ? "settings.sdk.sectionFederated"
                        : "settings.sdk.sectionNoKeys", name, file.getFileName().toString()));
                return;
            }
            Map<String, String> endpoints = new LinkedHashMap<>();
            String iam = blank(keys.get("iam_endpoint"));
            if (iam != null) {
                endpoints.put("iam", iam);
            }
            String token = blank(keys.get("security_token"));
            String sectionRegion = blank(keys.get("region"));
            Profile p = new Profile(FILE_ID_PREFIX + name, Texts.get("settings.sdk.fileLabel", name), Profile.Kind.HUAWEI,
                    Profile.Source.SDK_FILE, sectionRegion != null ? sectionRegion : region, site,
                    blank(keys.get("project_id")), null, ak, token != null, endpoints);
            found.add(new Found(p, new Credentials(ak, sk, token)));
        });
    }

    /**
     * Sections in file order, as the SDKs' INI readers see them: a UTF-8 byte-order mark is ignored; lines end in
     * LF, CRLF or CR; lines starting with {@code #} or {@code ;} are comments; keys are lower-cased and separated
     * from their value by {@code =} or {@code :}; a value in matching double, single or back quotes loses them
     * (whatever the quotes enclose is kept verbatim), and an unquoted value loses a trailing comment that starts with
     * {@code #} or {@code ;} after a space, so {@code sk = abc # prod} reads {@code abc}. A {@code #} or {@code ;}
     * inside a value with no space before it is part of the value: keys and tokens are never cut. Keys before any
     * section go to "default"; a repeated section adds to the first, a repeated key keeps its last value.
     */
    static Map<String, Map<String, String>> parseIni(String text) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        String section = "default";
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (String raw : body.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                if (close > 1) {
                    section = line.substring(1, close).strip();
                    out.computeIfAbsent(section, s -> new LinkedHashMap<>());
                }
                continue;
            }
            int eq = separator(line);
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            out.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(key, value(line.substring(eq + 1).strip()));
        }
        return out;
    }

    /** The first {@code =} or {@code :}, whichever comes first; -1 when there is neither. */
    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static String value(String raw) {
        if (raw.length() >= 2) {
            char q = raw.charAt(0);
            if (q == '"' || q == '\'' || q == '`') {
                int end = raw.indexOf(q, 1);
                if (end > 0) {
                    return raw.substring(1, end);
                }
            }
        }
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c == '#' || c == ';') && Character.isWhitespace(raw.charAt(i - 1))) {
                return raw.substring(0, i).strip();
            }
        }
        return raw;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
