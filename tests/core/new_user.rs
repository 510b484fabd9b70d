//! A new user's own articles, through the binary: hand-written news about places and years far
//! from the bundled corpus (a cyclone in Bangladesh, an election in Nigeria, drone strikes on
//! Odesa, bushfires in Australia, protests in Peru, outbreaks of Ebola and cholera, a storm in
//! East Texas, a heat wave written without diacritics, strikes on Gaza, fighting in Darfur, a
//! hurricane in Acapulco, landslides in Kerala, an ice storm in Ontario, Storm Babet in Britain,
//! a heat wave in southern Europe, strikes on Ukraine's regions; `tests/fixtures/new_user/`). Each named place
//! must land in the right country, names of people and organisations must not become places,
//! and events must carry the day the text gives, not the publication date.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The whole folder through `newsatlas extract --format jsonl`, as a user would run it.
fn extracted() -> Vec<Value> {
    let folder = Path::new(ROOT).join("tests/fixtures/new_user");
    let output = Command::new(env!("CARGO_BIN_EXE_newsatlas"))
        .args(["extract", "--format", "jsonl", "--corpus"])
        .arg(&folder)
        .env_remove("NEWSATLAS_ROOT")
        .env(
            "NEWSATLAS_USER_DATA",
            concat!(env!("CARGO_MANIFEST_DIR"), "/target/no-user-data"),
        )
        .env(
            "NEWSATLAS_CACHE_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/target/test-cache"),
        )
        .current_dir(ROOT)
        .output()
        .expect("the newsatlas binary runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

/// (article id, [(surface, gazetteer name, country)], surfaces that must not be places)
type Case<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)], &'a [&'a str]);

#[test]
fn places_of_articles_about_other_countries_land_where_they_belong() {
    let records = extracted();
    let cases: &[Case<'_>] = &[
        (
            "bangladesh_cyclone",
            &[
                ("DHAKA", "Dhaka", "BD"),
                ("Bangladesh", "Bangladesh", "BD"),
                ("Odisha", "Odisha", "IN"),
                ("Khulna", "Khulna", "BD"),
                ("Satkhira", "Sātkhira", "BD"),
                // The town, not the district named after it (the district's division,
                // Chittagong, now holds both).
                ("Cox's Bazar", "Cox’s Bāzār", "BD"),
                ("Chittagong", "Chittagong", "BD"),
                ("West Bengal", "West Bengal", "IN"),
                ("Kolkata", "Kolkata", "IN"),
                ("Bay of Bengal", "Bay of Bengal", ""),
            ],
            &["Rohingya", "Yaas", "Amphan", "Rahima"],
        ),
        (
            "nigeria_election",
            &[
                ("ABUJA", "Abuja", "NG"),
                ("Lagos", "Lagos", "NG"),
                ("Rivers", "Rivers", "NG"),
                ("Kano", "Kano", "NG"),
                ("Kaduna", "Kaduna", "NG"),
                ("Enugu", "Enugu", "NG"),
                ("Anambra", "Anambra", "NG"),
                ("Port Harcourt", "Port Harcourt", "NG"),
                ("Lagos State", "Lagos", "NG"),
            ],
            &["Tinubu", "Obi", "Atiku", "Labour", "African"],
        ),
        (
            "odesa_drones",
            &[
                ("KYIV", "Kyiv", "UA"),
                ("Odesa", "Odesa", "UA"),
                ("Reni", "Reni", "UA"),
                ("Izmail", "Izmayil", "UA"),
                ("Tulcea", "Tulcea", "RO"),
                ("Istanbul", "Istanbul", "TR"),
                ("Bakhmut", "Bakhmut", "UA"),
                // GeoNames spells it Zaporizhzhya; the news spelling is one of its alternates.
                ("Zaporizhzhia", "Zaporizhzhya", "UA"),
                // The oblast named after the city, with news style's lower-case "region".
                ("Donetsk region", "Donetsk Oblast", "UA"),
                ("Black Sea", "Black Sea", ""),
            ],
            &["Erdogan", "Tayyip"],
        ),
        (
            "australia_bushfires",
            &[
                ("SYDNEY", "Sydney", "AU"),
                ("New South Wales", "New South Wales", "AU"),
                ("Batemans Bay", "Batemans Bay", "AU"),
                ("Eden", "Eden", "AU"),
                ("Victoria", "Victoria", "AU"),
                ("Mallacoota", "Mallacoota", "AU"),
                ("Hawaii", "Hawaii", "US"),
                ("Canberra", "Canberra", "AU"),
                ("South Australia", "South Australia", "AU"),
                ("Auckland", "Auckland", "NZ"),
                ("Christchurch", "Christchurch", "NZ"),
            ],
            &["Scott", "Morrison", "New Year"],
        ),
        (
            "peru_protests",
            &[
                ("Peru", "Peru", "PE"),
                ("Arequipa", "Arequipa", "PE"),
                ("Cusco", "Cusco", "PE"),
                ("Puno", "Puno", "PE"),
                ("Ayacucho", "Ayacucho", "PE"),
                ("Bolivia", "Bolivia", "BO"),
            ],
            &["Castillo", "Boluarte", "Congress"],
        ),
        (
            "goma_ebola",
            &[
                ("GENEVA", "Geneva", "CH"),
                ("Goma", "Goma", "CD"),
                // "Congo" alone is either country: here the article's places are in the larger.
                ("Congo", "Democratic Republic of the Congo", "CD"),
                ("Butembo", "Butembo", "CD"),
                ("North Kivu", "North Kivu", "CD"),
                ("Ituri", "Ituri", "CD"),
                ("Kampala", "Kampala", "UG"),
                ("Kasese", "Kasese", "UG"),
                ("Guinea", "Guinea", "GN"),
                ("Liberia", "Liberia", "LR"),
                ("Sierra Leone", "Sierra Leone", "SL"),
            ],
            &["World Health", "Ebola"],
        ),
        (
            "cholera_outbreaks",
            &[
                ("Port-au-Prince", "Port-au-Prince", "HT"),
                ("Artibonite department", "Artibonite", "HT"),
                ("Taiz", "Taiz", "YE"),
                ("Aleppo governorate", "Aleppo", "SY"),
                ("Deir ez-Zor", "Deir ez-Zor", "SY"),
                ("Raqqa", "Raqqa", "SY"),
                ("Akkar", "Akkar", "LB"),
                ("Nsanje", "Nsanje", "MW"),
                ("Lilongwe", "Lilongwe", "MW"),
                ("Blantyre", "Blantyre", "MW"),
            ],
            // "the Pan American Health Organization" is a body, not the United States.
            &["American"],
        ),
        (
            "east_texas_storm",
            &[
                ("TYLER", "Tyler", "US"),
                ("Smith County", "Smith County", "US"),
                ("Lindale", "Lindale", "US"),
                ("Whitehouse", "Whitehouse", "US"),
                ("Longview", "Longview", "US"),
                ("Shreveport", "Shreveport", "US"),
                ("Bossier City", "Bossier City", "US"),
            ],
            &["Abbott", "Oncor", "Greg"],
        ),
        (
            // Written as wire copy often is, without the names' diacritics.
            "latin_america_heat",
            &[
                ("SAO PAULO", "São Paulo", "BR"),
                ("Sao Paulo", "São Paulo", "BR"),
                ("Rio de Janeiro", "Rio de Janeiro", "BR"),
                ("Valparaiso", "Valparaíso", "CL"),
                ("Vina del Mar", "Viña del Mar", "CL"),
                ("Bogota", "Bogotá", "CO"),
                ("Medellin", "Medellín", "CO"),
                ("Asuncion", "Asunción", "PY"),
            ],
            &["Celsius"],
        ),
        (
            "gaza_strikes",
            &[
                ("JERUSALEM", "Jerusalem", "IL"),
                ("Khan Younis", "Khān Yūnis", "PS"),
                // The town, which bears its governorate's name too (as Nablus is the town).
                ("Jenin", "Janīn", "PS"),
                ("Nablus", "Nablus", "PS"),
                ("Doha", "Doha", "QA"),
                // GeoNames spells it with a Q; the news with a K.
                ("Kiryat Shmona", "Qiryat Shmona", "IL"),
            ],
            &["Hamas", "Hezbollah"],
        ),
        (
            "darfur_fighting",
            &[
                ("KHARTOUM", "Khartoum", "SD"),
                ("West Darfur", "West Darfur", "SD"),
                ("Adre", "Adré", "TD"),
                ("Omdurman", "Omdurman", "SD"),
                ("Jeddah", "Jeddah", "SA"),
                ("Wadi Halfa", "Wadi Halfa", "SD"),
            ],
            &["Rapid Support"],
        ),
        (
            "acapulco_hurricane",
            &[
                ("ACAPULCO", "Acapulco de Juárez", "MX"),
                ("Mexico City", "Mexico City", "MX"),
                ("Guerrero state", "Guerrero", "MX"),
                ("Chilpancingo", "Chilpancingo", "MX"),
                ("Coyuca de Benitez", "Coyuca de Benítez", "MX"),
                // The range whole, not a California town named like its first two words.
                ("Sierra Madre del Sur", "Sierra Madre del Sur", "MX"),
            ],
            &["Otis", "Obrador"],
        ),
        (
            "kerala_landslides",
            &[
                ("THIRUVANANTHAPURAM", "Thiruvananthapuram", "IN"),
                ("Kerala", "Kerala", "IN"),
                ("Kozhikode", "Kozhikode", "IN"),
                ("Kannur", "Kannur", "IN"),
                ("New Delhi", "New Delhi", "IN"),
                // After a sentence's capitalised first word, which is no given name.
                ("Karnataka", "Karnataka", "IN"),
                ("Tamil Nadu", "Tamil Nadu", "IN"),
                ("Kochi", "Kochi", "IN"),
            ],
            &["Modi", "Narendra"],
        ),
        (
            // Ontario's counties are not in the data: no US county of their names instead.
            "ontario_ice_storm",
            &[
                ("LONDON", "London", "CA"),
                ("Sarnia", "Sarnia", "CA"),
                ("St. Thomas", "St. Thomas", "CA"),
                ("Strathroy", "Strathroy", "CA"),
                ("Ingersoll", "Ingersoll", "CA"),
                ("Guelph", "Guelph", "CA"),
            ],
            &["Middlesex County", "Elgin", "Western University"],
        ),
        (
            // The UK's nations hold their towns and outrank villages of their names.
            "storm_babet",
            &[
                ("Brechin", "Brechin", "GB"),
                ("Angus", "Angus", "GB"),
                ("Retford", "Retford", "GB"),
                ("Stonehaven", "Stonehaven", "GB"),
                ("Wales", "Wales", "GB"),
                ("Powys", "Powys", "GB"),
                ("Perth", "Perth", "GB"),
            ],
            &["Met Office", "Babet"],
        ),
        (
            // Regions listed beside their own provinces, English names of regions and cities.
            "europe_heat",
            &[
                ("Florence", "Florence", "IT"),
                ("Seville", "Sevilla", "ES"),
                ("Navarre", "Navarre", "ES"),
                ("Normandy", "Normandie", "FR"),
                ("Occitania", "Occitanie", "FR"),
                ("Frankfurt", "Frankfurt am Main", "DE"),
                ("Hanover", "Hannover", "DE"),
            ],
            &[],
        ),
        (
            // Oblasts named after their seats, by their English names.
            "ukraine_regions",
            &[
                ("Donetsk region", "Donetsk Oblast", "UA"),
                ("Sumy", "Sumy Oblast", "UA"),
                ("Dnipropetrovsk", "Dnipropetrovsk Oblast", "UA"),
                ("Zaporizhzhia region", "Zaporizhzhia Oblast", "UA"),
                ("Kupiansk", "Kupyansk", "UA"),
            ],
            &[],
        ),
    ];
    for (article, expected, absent) in cases {
        let places: Vec<(&str, &str, &str)> = records
            .iter()
            .filter(|r| r["type"] == "place" && r["article"] == *article)
            .map(|r| {
                (
                    r["surface"].as_str().unwrap_or_default(),
                    r["name"].as_str().unwrap_or_default(),
                    r["country"].as_str().unwrap_or_default(),
                )
            })
            .collect();
        assert!(!places.is_empty(), "{article}: no places");
        for (surface, name, country) in *expected {
            let got = places.iter().find(|p| p.0 == *surface);
            assert_eq!(
                got.map(|p| (p.1, p.2)),
                Some((*name, *country)),
                "{article}: {surface}: {places:?}"
            );
        }
        for surface in *absent {
            assert!(
                places.iter().all(|p| !p.0.contains(surface)),
                "{article}: {surface} must not be a place: {places:?}"
            );
        }
    }
}

#[test]
fn events_of_articles_about_other_years_take_the_day_the_text_gives() {
    let records = extracted();
    // (article, place name as written, the day the sentence gives)
    let cases = [
        // "In Port Harcourt, police fired tear gas at protesters on Monday" (published Thursday
        // 2 March 2023).
        ("nigeria_election", "Port Harcourt", "2023-02-27"),
        // "In Crimea, an ammunition depot exploded on Saturday" (published Monday 24 July 2023).
        ("odesa_drones", "Crimea", "2023-07-22"),
        // "the deal brokered in Istanbul last July"
        ("odesa_drones", "Istanbul", "2022-07-01"),
        // "two people died on Friday" on Kangaroo Island (published Saturday 4 January 2020),
        // in a sentence that also names South Australia.
        ("australia_bushfires", "South Australia", "2020-01-03"),
    ];
    for (article, surface, day) in cases {
        let place = records
            .iter()
            .find(|r| r["type"] == "place" && r["article"] == article && r["surface"] == surface)
            .unwrap_or_else(|| panic!("{article}: {surface} is found"));
        let event = records
            .iter()
            .find(|r| {
                r["type"] == "event"
                    && r["article"] == article
                    && r["place_id"] == place["place_id"]
                    && r["sentence_start"].as_u64() <= place["start"].as_u64()
                    && r["sentence_end"].as_u64() >= place["end"].as_u64()
            })
            .unwrap_or_else(|| panic!("{article}: an event at {surface}"));
        assert_eq!(event["from"], day, "{article}: {surface}: {event}");
        assert_ne!(event["date_basis"], "publication", "{event}");
    }
}
