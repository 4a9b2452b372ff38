package io.botburrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.ConfigurationReader;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.io.service.ServiceDefinition;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.BeanDefinitionReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code botburrow.*} properties the project's beans bind and read, from Micronaut's compiled bean metadata
 * (nothing is instantiated): the constructor arguments of every {@code @ConfigurationProperties} and
 * {@code @EachProperty} class, and the names other beans read with {@code @Requires(property)}, {@code @Property}
 * or {@code @Value("${...}")} (constructor, field and method injection).
 */
record PropertyMetadata(List<Bound> bound, List<Read> read) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(botburrow\\.[^:}]+)(?::([^}]*))?}");

  /** A property a configuration class binds ({@code *} for a map key); {@code defaultValue} null when none. */
  record Bound(String className, String name, String defaultValue) {}

  /** A property a bean reads outside a configuration class; {@code defaultValue} null when none is given. */
  record Read(String bean, String name, String defaultValue) {}

  /** Every io.botburrow bean definition on the classpath. */
  static PropertyMetadata scan() {
    List<Bound> bound = new ArrayList<>();
    List<Read> read = new ArrayList<>();
    for (BeanDefinitionReference<?> ref : projectBeans()) {
      collect(ref, bound, read);
    }
    return new PropertyMetadata(List.copyOf(bound), List.copyOf(read));
  }

  private static List<BeanDefinitionReference<?>> projectBeans() {
    List<BeanDefinitionReference<?>> refs = new ArrayList<>();
    for (ServiceDefinition<BeanDefinitionReference> sd : SoftServiceLoader.load(BeanDefinitionReference.class)) {
      // Micronaut's own references may need optional libraries this classpath lacks
      if (sd.getName().startsWith("io.botburrow.") && sd.isPresent()) {
        refs.add(sd.load());
      }
    }
    assertThat(refs).as("io.botburrow bean definitions on the classpath").hasSizeGreaterThan(50);
    return refs;
  }

  private static void collect(BeanDefinitionReference<?> ref, List<Bound> bound, List<Read> read) {
    AnnotationMetadata md = ref.getAnnotationMetadata();
    BeanDefinition<?> def = ref.load();
    String bean = beanName(def);
    md.getAnnotationValuesByType(Requires.class).forEach(req -> req.stringValue("property")
        .filter(p -> p.startsWith("botburrow.")).ifPresent(p -> read.add(new Read(bean, p, null))));
    boolean configuration = md.hasStereotype(ConfigurationReader.class);
    int before = bound.size();
    for (Argument<?> arg : def.getConstructor().getArguments()) {
      AnnotationMetadata am = arg.getAnnotationMetadata();
      Optional<String> property = am.stringValue(Property.class, "name");
      if (configuration && property.isPresent()) {
        bound.add(new Bound(def.getBeanType().getName(), property.get(),
            am.stringValue(Bindable.class, "defaultValue").orElse(null)));
      } else {
        readBy(bean, am, read);
      }
    }
    def.getInjectedFields().forEach(field -> readBy(bean, field.getAnnotationMetadata(), read));
    def.getInjectedMethods().forEach(method -> {
      for (Argument<?> arg : method.getArguments()) {
        readBy(bean, arg.getAnnotationMetadata(), read);
      }
    });
    if (configuration) {
      assertThat(bound.size()).as(def.getBeanType().getName() + " binds no property through its constructor (a"
          + " configuration class with setters needs PropertyMetadata to read its methods too)").isGreaterThan(before);
      if (md.hasAnnotation(EachProperty.class)) {
        assertThat(bound.subList(before, bound.size())).allMatch(b -> b.name().contains(".*."));
      }
    }
  }

  private static void readBy(String bean, AnnotationMetadata am, List<Read> read) {
    am.stringValue(Property.class, "name").filter(p -> p.startsWith("botburrow."))
        .ifPresent(p -> read.add(new Read(bean, p, null)));
    am.stringValue(Value.class).ifPresent(v -> {
      Matcher m = PLACEHOLDER.matcher(v);
      while (m.find()) {
        read.add(new Read(bean, m.group(1), m.group(2)));
      }
    });
  }

  /** The class a reader finds in the sources: the bean's own, or the factory that makes it. */
  private static String beanName(BeanDefinition<?> def) {
    String type = sourceName(def.getBeanType());
    return def.getDeclaringType().map(PropertyMetadata::sourceName).filter(d -> !d.equals(type))
        .map(d -> d + " (" + type + ")").orElse(type);
  }

  // generated subclasses (interceptors, event listeners) are named after the class they come from
  private static String sourceName(Class<?> type) {
    String name = type.getName().substring(type.getName().lastIndexOf('.') + 1);
    return name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
  }
}
