package org.taar.format;

import java.util.List;
import java.util.Locale;
import org.taar.item.NewsItem;
import org.taar.item.Place;

/** NewsML 1.2's RightsMetadata and Location, each a small tree of Properties and Parties. */
final class NewsmlRights {
    private NewsmlRights() {}

    /** Copyright's holder and date as a notice ("© 2021 AFP"), or its CopyrightLine; null when there is neither. */
    static String of(NewsXml.Element rightsMetadata) {
        if (rightsMetadata == null) return null;
        NewsXml.Element copyright = rightsMetadata.child("Copyright");
        if (copyright == null) return null;
        String line = copyright.childText("CopyrightLine");
        if (line != null) return line;
        NewsXml.Element holder = copyright.child("CopyrightHolder");
        String name = holder == null ? null : holder.text();
        if (name == null && holder != null && holder.child("Party") != null) name = holder.child("Party").attr("FormalName");
        if (name == null) return null;
        String date = copyright.childText("CopyrightDate");
        return "© " + (date == null ? "" : date + " ") + name;
    }

    /**
     * A Location's City (else its first part) as located, its CountryArea and Country as places. The
     * origin (HowPresent="Origin") wins over places the story is only about.
     */
    static void location(List<NewsXml.Element> locations, NewsItem.Builder b) {
        NewsXml.Element chosen = locations.isEmpty() ? null : locations.get(0);
        for (NewsXml.Element loc : locations) {
            if ("origin".equalsIgnoreCase(String.valueOf(loc.attr("HowPresent")))) {
                chosen = loc;
                break;
            }
        }
        if (chosen == null) return;
        String city = null;
        String area = null;
        String country = null;
        for (NewsXml.Element p : chosen.children("Property")) {
            String name = String.valueOf(p.attr("FormalName")).toLowerCase(Locale.ROOT);
            String value = p.attr("Value");
            if (value == null) continue;
            switch (name) {
                case "city" -> city = city == null ? value : city;
                case "countryarea", "state", "province", "region" -> area = area == null ? value : area;
                case "country" -> country = country == null ? value : country;
                default -> { }
            }
        }
        b.located = city;
        if (!b.places.isEmpty()) return;
        if (area != null) b.places.add(new Place(area, Place.STATE));
        if (country != null) b.places.add(new Place(country, Place.COUNTRY));
    }
}
