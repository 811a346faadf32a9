package io.matrixone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * matrixone-bom has no parent (so it pins nothing but the SDK): this keeps it in step with the build, its version
 * with the parent's and its entries with the published modules. Lives here because the BOM has no code of its own.
 */
class BomTest {
    /** Modules that are built but not published. */
    private static final Set<String> NOT_PUBLISHED = Set.of("matrixone-examples", "matrixone-benchmarks",
            "matrixone-spring-example", "matrixone-bom", "matrixone-adversarial");

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @Test
    void theBomHasTheParentsVersionAndEveryPublishedModule() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("matrixone-bom/pom.xml"));
        assertThat(firstVersion(bom)).isEqualTo(firstVersion(parent));
        List<String> published = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        while (m.find()) {
            if (!NOT_PUBLISHED.contains(m.group(1))) {
                published.add(m.group(1));
            }
        }
        assertThat(published).isNotEmpty();
        for (String module : published) {
            assertThat(bom).as("matrixone-bom lists " + module).contains("<artifactId>" + module + "</artifactId>");
        }
    }

    /** The project's own version: the first version after its artifactId, outside the parent block. */
    private static String firstVersion(String pom) {
        String body = pom.replaceFirst("(?s)<parent>.*?</parent>", "");
        Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
