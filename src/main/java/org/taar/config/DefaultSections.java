package org.taar.config;

import java.util.List;

/** The sections a Hindi portal starts with when taar.yml names none. */
final class DefaultSections {
    private DefaultSections() {}

    static List<Config.Section> hindi() {
        return List.of(
                new Config.Section("india", "देश", List.of("देश", "राष्ट्रीय", "national", "india", "nation")),
                new Config.Section("world", "विदेश", List.of("विदेश", "दुनिया", "अंतरराष्ट्रीय", "world", "international")),
                new Config.Section("states", "राज्य", List.of("राज्य", "प्रदेश", "states", "regional")),
                new Config.Section("business", "कारोबार", List.of("कारोबार", "व्यापार", "बिज़नेस", "business", "economy")),
                new Config.Section("sports", "खेल", List.of("खेल", "क्रिकेट", "sports", "sport", "cricket")),
                new Config.Section("entertainment", "मनोरंजन", List.of("मनोरंजन", "बॉलीवुड", "entertainment", "bollywood")),
                new Config.Section("technology", "टेक", List.of("टेक", "तकनीक", "प्रौद्योगिकी", "technology", "tech")),
                new Config.Section("health", "सेहत", List.of("सेहत", "स्वास्थ्य", "health")));
    }
}
