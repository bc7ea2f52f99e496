package io.greenlang.crds.validation;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.parser.CelStandardMacro;

/**
 * The CEL environment a CRD validation rule is compiled in: standard CEL with its macros, {@code
 * self} and {@code oldSelf} as dynamic values, the extension libraries cel-java shares with the API
 * server (strings, sets, lists, math, encoders, optionals, {@code cel.bind}) and the API server's
 * list and regex functions.
 */
final class KubernetesCelEnvironment {

  private KubernetesCelEnvironment() {}

  /**
   * @param optionalOldSelf whether {@code oldSelf} is an optional, as for rules declaring {@code
   *     optionalOldSelf: true}; declaring it dynamic instead makes cel-java mistype {@code
   *     oldSelf.value()}
   */
  static Cel create(boolean optionalOldSelf) {
    // The API server compares int with double (cross-type numeric comparison) and allows optional
    // syntax.
    CelOptions options =
        CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .enableOptionalSyntax(true)
            .build();
    return CelFactory.standardCelBuilder()
        .setOptions(options)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar("self", SimpleType.DYN)
        .addVar("oldSelf", optionalOldSelf ? OptionalType.create(SimpleType.DYN) : SimpleType.DYN)
        .addCompilerLibraries(
            CelExtensions.strings(),
            CelExtensions.sets(options),
            CelExtensions.lists(),
            CelExtensions.math(options),
            CelExtensions.encoders(),
            CelExtensions.bindings(),
            CelOptionalLibrary.INSTANCE,
            KubernetesListAndRegexLibrary.INSTANCE)
        .addRuntimeLibraries(
            CelExtensions.strings(),
            CelExtensions.sets(options),
            CelExtensions.lists(),
            CelExtensions.math(options),
            CelExtensions.encoders(),
            CelOptionalLibrary.INSTANCE,
            KubernetesListAndRegexLibrary.INSTANCE)
        .build();
  }
}
