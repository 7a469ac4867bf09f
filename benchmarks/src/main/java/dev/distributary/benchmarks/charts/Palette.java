package dev.distributary.benchmarks.charts;

import java.awt.Color;

/**
 * Colours that people with any common colour-vision deficiency can tell apart: the Okabe–Ito
 * palette's blues, oranges and bluish green, never a red beside a green.
 */
public final class Palette {
    public static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    public static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);
    public static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    public static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
    public static final Color BLUISH_GREEN = new Color(0x00, 0x9E, 0x73);

    private Palette() {}
}
