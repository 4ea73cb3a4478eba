package vn.cho40.catalogue;

import java.awt.Color;

/** A placeholder product photo (a coloured card with a name), drawn by the project: for the demo and for tests. */
public final class CataloguePhotos {

    private CataloguePhotos() {
    }

    /** A PNG card of 800 × 800 pixels. */
    public static byte[] sample() {
        return CatalogueDemo.card("Ảnh thử", new Color(0x1f5fa8));
    }
}
