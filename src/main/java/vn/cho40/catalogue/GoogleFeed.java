package vn.cho40.catalogue;

import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A Google Merchant Center product feed: RSS 2.0 with the {@code g:} namespace, one item per product with the
 * required attributes (id, title, description, link, image_link, availability, price as "35000 VND", condition,
 * brand). Streamed with StAX, so a province of thousands of products never sits in memory as text. Pure Java.
 */
final class GoogleFeed {

    static final String NS = "http://base.google.com/ns/1.0";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newInstance();

    private GoogleFeed() {
    }

    static void write(String title, String link, String description, List<Listed> products, OutputStream out) {
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("rss");
            x.writeAttribute("version", "2.0");
            x.writeNamespace("g", NS);
            x.writeStartElement("channel");
            text(x, null, "title", title);
            text(x, null, "link", link);
            text(x, null, "description", description);
            for (Listed p : products) {
                x.writeStartElement("item");
                text(x, NS, "id", p.sku());
                text(x, NS, "title", p.name());
                text(x, NS, "description", p.description());
                text(x, NS, "link", p.link());
                if (!p.imageLinks().isEmpty()) {
                    text(x, NS, "image_link", p.imageLinks().getFirst());
                    for (String more : p.imageLinks().subList(1, p.imageLinks().size())) {
                        text(x, NS, "additional_image_link", more);
                    }
                }
                text(x, NS, "availability", p.availability());
                text(x, NS, "price", p.priceVnd() + " VND");
                text(x, NS, "condition", "new");
                text(x, NS, "brand", p.producer());
                text(x, NS, "identifier_exists", "no"); // local products carry no GTIN
                if (p.weightG() != null) {
                    text(x, NS, "shipping_weight", p.weightG() + " g");
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("feed not written", e);
        }
    }

    private static void text(XMLStreamWriter x, String ns, String name, String value) throws XMLStreamException {
        if (ns == null) {
            x.writeStartElement(name);
        } else {
            x.writeStartElement("g", name, ns);
        }
        x.writeCharacters(value == null ? "" : value);
        x.writeEndElement();
    }
}
