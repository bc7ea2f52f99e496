package io.greenlang.crds.validation;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeParamType;
import dev.cel.compiler.CelCompilerLibrary;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import dev.cel.runtime.CelRuntimeLibrary;
import java.util.ArrayList;
import java.util.List;

/**
 * The API server's own CEL list and regex functions, which cel-java does not ship: {@code
 * isSorted()}, {@code sum()}, {@code min()}, {@code max()}, {@code indexOf(x)}, {@code
 * lastIndexOf(x)} on lists and {@code find(re)}, {@code findAll(re)}, {@code findAll(re, n)} on
 * strings (RE2 syntax, as in Kubernetes).
 */
final class KubernetesListAndRegexLibrary implements CelCompilerLibrary, CelRuntimeLibrary {

  static final KubernetesListAndRegexLibrary INSTANCE = new KubernetesListAndRegexLibrary();

  private static final CelType ELEMENT = TypeParamType.create("T");
  private static final CelType LIST = ListType.create(ELEMENT);
  private static final CelType STRINGS = ListType.create(SimpleType.STRING);

  private KubernetesListAndRegexLibrary() {}

  @Override
  public void setCheckerOptions(CelCheckerBuilder checker) {
    checker.addFunctionDeclarations(
        function(
            "isSorted",
            CelOverloadDecl.newMemberOverload("k8s_list_is_sorted", SimpleType.BOOL, LIST)),
        function("sum", CelOverloadDecl.newMemberOverload("k8s_list_sum", ELEMENT, LIST)),
        function("min", CelOverloadDecl.newMemberOverload("k8s_list_min", ELEMENT, LIST)),
        function("max", CelOverloadDecl.newMemberOverload("k8s_list_max", ELEMENT, LIST)),
        function(
            "indexOf",
            CelOverloadDecl.newMemberOverload("k8s_list_index_of", SimpleType.INT, LIST, ELEMENT)),
        function(
            "lastIndexOf",
            CelOverloadDecl.newMemberOverload(
                "k8s_list_last_index_of", SimpleType.INT, LIST, ELEMENT)),
        function(
            "find",
            CelOverloadDecl.newMemberOverload(
                "k8s_string_find", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING)),
        function(
            "findAll",
            CelOverloadDecl.newMemberOverload(
                "k8s_string_find_all", STRINGS, SimpleType.STRING, SimpleType.STRING),
            CelOverloadDecl.newMemberOverload(
                "k8s_string_find_all_n",
                STRINGS,
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.INT)));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtime) {
    runtime.addFunctionBindings(
        CelFunctionBinding.from("k8s_list_is_sorted", List.class, list -> isSorted(list)),
        CelFunctionBinding.from("k8s_list_sum", List.class, list -> sum(list)),
        CelFunctionBinding.from("k8s_list_min", List.class, list -> extreme(list, -1)),
        CelFunctionBinding.from("k8s_list_max", List.class, list -> extreme(list, 1)),
        CelFunctionBinding.from(
            "k8s_list_index_of", List.class, Object.class, (list, x) -> indexOf(list, x, false)),
        CelFunctionBinding.from(
            "k8s_list_last_index_of",
            List.class,
            Object.class,
            (list, x) -> indexOf(list, x, true)),
        CelFunctionBinding.from(
            "k8s_string_find", String.class, String.class, (text, regex) -> find(text, regex)),
        CelFunctionBinding.from(
            "k8s_string_find_all",
            String.class,
            String.class,
            (text, regex) -> findAll(text, regex, -1)),
        CelFunctionBinding.from(
            "k8s_string_find_all_n",
            List.of(String.class, String.class, Long.class),
            args -> findAll((String) args[0], (String) args[1], (Long) args[2])));
  }

  private static CelFunctionDecl function(String name, CelOverloadDecl... overloads) {
    return CelFunctionDecl.newFunctionDeclaration(name, overloads);
  }

  private static boolean isSorted(List<?> list) throws CelEvaluationException {
    for (int i = 1; i < list.size(); i++) {
      if (compare(list.get(i - 1), list.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  private static Object sum(List<?> list) throws CelEvaluationException {
    if (list.stream().allMatch(Long.class::isInstance)) {
      return list.stream().mapToLong(Long.class::cast).sum();
    }
    if (list.stream().allMatch(Number.class::isInstance)) {
      return list.stream().mapToDouble(value -> ((Number) value).doubleValue()).sum();
    }
    throw new CelEvaluationException("sum() needs a list of numbers");
  }

  private static Object extreme(List<?> list, int sign) throws CelEvaluationException {
    if (list.isEmpty()) {
      throw new CelEvaluationException((sign < 0 ? "min" : "max") + "() called on an empty list");
    }
    Object best = list.get(0);
    for (Object candidate : list) {
      if (Integer.signum(compare(candidate, best)) == sign) {
        best = candidate;
      }
    }
    return best;
  }

  private static long indexOf(List<?> list, Object wanted, boolean last) {
    int found = -1;
    for (int i = 0; i < list.size(); i++) {
      if (celEquals(list.get(i), wanted)) {
        found = i;
        if (!last) {
          break;
        }
      }
    }
    return found;
  }

  private static String find(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    return matcher.find() ? matcher.group() : "";
  }

  private static List<String> findAll(String text, String regex, long limit) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    List<String> matches = new ArrayList<>();
    while ((limit < 0 || matches.size() < limit) && matcher.find()) {
      matches.add(matcher.group());
    }
    return matches;
  }

  // CEL treats 1 and 1.0 as equal, so numbers compare by value whatever their Java class.
  private static boolean celEquals(Object left, Object right) {
    if (left instanceof Number a && right instanceof Number b) {
      return a.doubleValue() == b.doubleValue();
    }
    return left.equals(right);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object left, Object right) throws CelEvaluationException {
    if (left instanceof Number a && right instanceof Number b) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    if (left instanceof Comparable a && left.getClass().equals(right.getClass())) {
      return a.compareTo(right);
    }
    if (left instanceof Timestamp a && right instanceof Timestamp b) {
      return Timestamps.compare(a, b);
    }
    if (left instanceof Duration a && right instanceof Duration b) {
      return Durations.compare(a, b);
    }
    throw new CelEvaluationException(
        "cannot order "
            + left.getClass().getSimpleName()
            + " and "
            + right.getClass().getSimpleName());
  }
}
