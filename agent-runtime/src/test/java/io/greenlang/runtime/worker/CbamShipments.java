package io.greenlang.runtime.worker;

import java.util.Map;

/** Shipment lines as the intake step of the CBAM pipeline receives them, and its column rules. */
final class CbamShipments {

  /** The validate-csv settings of the CBAM intake agent. */
  static final Map<String, String> INTAKE_SETTINGS =
      Map.of(
          "columns",
          "shipment_id:text, cn_code:cn-code, country_of_origin:iso-country,"
              + " net_mass_tonnes:positive-decimal, installation:text?");

  static final String VALID =
      """
      shipment_id,cn_code,country_of_origin,net_mass_tonnes,installation
      S-001,7208 51 20,CN,120.500,Baotou Steel
      S-002,76011000,in,35.25,
      S-003,2523.29.00,TR,1000,Akçansa Çanakkale
      """;

  static final String WITH_ERRORS =
      """
      shipment_id,cn_code,country_of_origin,net_mass_tonnes,installation
      S-001,7208 51 20,CN,120.500,Baotou Steel
      S-002,720851,CN,12.5,
      S-003,72085120,XX,-3,
      S-004,72085120,DE,"12,5",
      """;

  private CbamShipments() {}
}
