package org.taar.config;

import java.util.List;

/** The sections a Hindi portal starts with when taar.yml names none. */
final class DefaultSections {
    private DefaultSections() {}

    // Besides the names sources write, each section takes the category codes agencies put in
    // IPTC 7901 / ANPA headers (DOM, FGN, SPO...) and the IPTC media topic of its subject.
    static List<Config.Section> hindi() {
        return List.of(
                new Config.Section("india", "देश", List.of("देश", "राष्ट्रीय", "national", "india", "nation",
                        "DOM", "NAT", "medtop:11000000", "politics")),
                new Config.Section("world", "विदेश", List.of("विदेश", "दुनिया", "अंतरराष्ट्रीय", "world", "international",
                        "FGN", "INT", "i")),
                new Config.Section("states", "राज्य", List.of("राज्य", "प्रदेश", "states", "regional", "REG", "STA")),
                new Config.Section("business", "कारोबार", List.of("कारोबार", "व्यापार", "बिज़नेस", "business", "economy",
                        "ECO", "BUS", "FIN", "COM", "f", "medtop:04000000")),
                new Config.Section("sports", "खेल", List.of("खेल", "क्रिकेट", "sports", "sport", "cricket",
                        "SPO", "SPT", "s", "medtop:15000000")),
                new Config.Section("entertainment", "मनोरंजन", List.of("मनोरंजन", "बॉलीवुड", "entertainment", "bollywood",
                        "ENT", "e", "medtop:01000000")),
                new Config.Section("technology", "टेक", List.of("टेक", "तकनीक", "प्रौद्योगिकी", "technology", "tech",
                        "SCI", "TEC", "medtop:13000000")),
                new Config.Section("health", "सेहत", List.of("सेहत", "स्वास्थ्य", "health", "HEA", "medtop:07000000")));
    }
}
