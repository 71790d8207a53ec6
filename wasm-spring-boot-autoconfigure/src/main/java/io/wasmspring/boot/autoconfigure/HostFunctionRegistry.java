package io.wasmspring.boot.autoconfigure;

import io.wasmspring.boot.HostFunction;
import io.wasmspring.boot.HostMethod;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Finds the {@link HostFunction} methods of every bean, the way Spring finds
 * {@code @EventListener} methods: by bean type (the target class behind an AOP proxy), without
 * creating the beans; a bean is looked up when its function is first called (each time for a
 * bean that is not a singleton). Discovery happens once, when the first module links its imports.
 */
public class HostFunctionRegistry implements BeanFactoryAware {

    /** One discovered method and the import it provides. */
    public record Registration(String module, String name, String beanName, Method method, HostMethod binding,
            String signatureError) {

        /** {@code env.hostLog (param i32) <- Console.hostLog(int)}, for messages. */
        public String describe() {
            String type = binding != null ? " " + binding.type() : "";
            return module + "." + name + type + " <- " + beanName + ": " + method.getDeclaringClass().getSimpleName() + "."
                    + method.getName();
        }
    }

    private ConfigurableListableBeanFactory beanFactory;
    private volatile Map<String, Registration> registrations;
    private volatile List<String> duplicates = List.of();

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    /** Every discovered host function. */
    public List<Registration> registrations() {
        return List.copyOf(discovered().values());
    }

    /** The host function for import {@code module.name}, or {@code null}. */
    public Registration find(String module, String name) {
        return discovered().get(module + "\0" + name);
    }

    /** Descriptions of imports provided by more than one method (a configuration error). */
    public List<String> duplicates() {
        discovered();
        return duplicates;
    }

    private Map<String, Registration> discovered() {
        Map<String, Registration> found = registrations;
        if (found == null) {
            synchronized (this) {
                found = registrations;
                if (found == null) {
                    found = discover();
                    registrations = found;
                }
            }
        }
        return found;
    }

    private Map<String, Registration> discover() {
        Map<String, Registration> found = new LinkedHashMap<>();
        List<String> clashes = new ArrayList<>();
        if (beanFactory == null) {
            return found;
        }
        for (String beanName : beanFactory.getBeanNamesForType(Object.class, true, false)) {
            if (ScopedProxyUtils.isScopedTarget(beanName)) {
                continue;
            }
            Class<?> type = targetClass(beanName);
            if (type == null || !AnnotationUtils.isCandidateClass(type, HostFunction.class)) {
                continue;
            }
            Map<Method, HostFunction> annotated = MethodIntrospector.selectMethods(type,
                    (MethodIntrospector.MetadataLookup<HostFunction>) m -> AnnotatedElementUtils.findMergedAnnotation(m, HostFunction.class));
            annotated.forEach((method, annotation) -> {
                Registration registration = register(beanName, method, annotation);
                Registration previous = found.putIfAbsent(registration.module() + "\0" + registration.name(), registration);
                if (previous != null) {
                    clashes.add(previous.describe() + " and " + registration.describe());
                }
            });
        }
        duplicates = List.copyOf(clashes);
        return found;
    }

    private Class<?> targetClass(String beanName) {
        try {
            return AutoProxyUtils.determineTargetClass(beanFactory, beanName);
        } catch (RuntimeException e) {
            return null;   // a bean whose type cannot be known without creating it: it has no host functions for us
        }
    }

    private Registration register(String beanName, Method method, HostFunction annotation) {
        String name = annotation.name().isEmpty() ? method.getName() : annotation.name();
        Class<?> beanType = beanFactory.getType(beanName);
        Method invocable = beanType != null ? AopUtils.selectInvocableMethod(method, beanType) : method;
        try {
            Supplier<Object> lookup = () -> beanFactory.getBean(beanName);
            Supplier<Object> target = beanFactory.isSingleton(beanName) ? SingletonSupplier.of(lookup) : lookup;
            HostMethod binding = HostMethod.of(annotation.module() + "." + name, invocable, target);
            return new Registration(annotation.module(), name, beanName, method, binding, null);
        } catch (IllegalArgumentException e) {
            return new Registration(annotation.module(), name, beanName, method, null, e.getMessage());
        }
    }
}
