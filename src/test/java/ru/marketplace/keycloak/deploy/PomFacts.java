package ru.marketplace.keycloak.deploy;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;

/**
 * What pom.xml says about the build's output, read from the file itself, so the deployment files are checked
 * against the pom and not against a copy of its values.
 */
record PomFacts(String artifactId, String version, String keycloakVersion, String finalName) {

    static PomFacts read(Path pomXml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document pom = factory.newDocumentBuilder().parse(pomXml.toFile());
            Element project = pom.getDocumentElement();
            String artifactId = childText(project, "artifactId");
            String version = childText(project, "version");
            Element properties = child(project, "properties");
            String keycloakVersion = properties == null ? null : childText(properties, "keycloak.version");
            Element build = child(project, "build");
            String finalName = build == null ? null : childText(build, "finalName");
            String jarStem = finalName == null ? artifactId + "-" + version
                    : finalName.replace("${project.artifactId}", artifactId).replace("${project.version}", version);
            return new PomFacts(artifactId, version, keycloakVersion, jarStem);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + pomXml + ": " + e.getMessage(), e);
        }
    }

    /** The file `mvn package` leaves in target/: the shaded provider jar. */
    String jarPath() {
        return "target/" + finalName + ".jar";
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }
}
