package org.taar.enrich;

import java.util.ArrayList;
import java.util.List;

/** A handful of written headlines (Hindi and English) for training tiny models in tests. */
final class Examples {
    private Examples() {}

    static List<Example> tiny() {
        List<Example> out = new ArrayList<>();
        for (String s : List.of("भारत ने ऑस्ट्रेलिया को क्रिकेट मैच में हराया", "विराट कोहली ने शतक जड़ा, टीम इंडिया जीती",
                "फुटबॉल विश्व कप में अर्जेंटीना की जीत", "हॉकी टीम ने स्वर्ण पदक जीता", "India beat Australia in the cricket final",
                "ओलंपिक में भारतीय खिलाड़ियों का शानदार प्रदर्शन", "टेनिस खिलाड़ी ने खिताब जीता")) out.add(new Example(s, "sports"));
        for (String s : List.of("सेंसेक्स 500 अंक चढ़ा, निफ्टी में तेजी", "शेयर बाजार में गिरावट, निवेशकों को नुकसान",
                "रिज़र्व बैंक ने रेपो दर बढ़ाई, कर्ज महंगा", "कंपनी का मुनाफा बढ़ा, शेयर चढ़े", "Sensex rises 500 points as markets rally",
                "पेट्रोल डीजल के दाम बढ़े, महंगाई की मार", "बजट में कर छूट का ऐलान")) out.add(new Example(s, "business"));
        for (String s : List.of("सलमान खान की नई फिल्म ने बॉक्स ऑफिस पर कमाई की", "बॉलीवुड अभिनेत्री ने शादी की तस्वीरें साझा कीं",
                "फिल्म का ट्रेलर रिलीज, फैंस उत्साहित", "गायक के नए गाने ने धूम मचाई", "Shah Rukh Khan film trailer released",
                "वेब सीरीज़ को दर्शकों का प्यार मिला", "अभिनेता ने अगली फिल्म की घोषणा की")) out.add(new Example(s, "entertainment"));
        for (String s : List.of("नया स्मार्टफोन लॉन्च, जानें कीमत और फीचर्स", "व्हाट्सऐप में आया नया फीचर",
                "गूगल ने एआई चैटबॉट पेश किया", "5जी इंटरनेट सेवा शुरू", "Apple launches new iPhone with AI features",
                "लैपटॉप और टैबलेट की बिक्री बढ़ी", "ऐप से डेटा चोरी, साइबर सुरक्षा पर सवाल")) out.add(new Example(s, "technology-news"));
        return out;
    }
}
