package io.wasmspring.boot.autoconfigure;

import io.wasmspring.boot.WasmModule;
import io.wasmspring.boot.WasmSetupException;
import java.util.Map;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Registers one {@link WasmModule} bean per {@code wasm.modules.<name>}, named {@code <name>},
 * and a bean of each configured {@code interface} bound to its module's exports. The application
 * may define a {@code WasmModule} bean of a module's name itself, which then wins; any other bean
 * of that name is a clash that fails start-up, since the module would silently go missing.
 */
class WasmModuleBeanRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware,
        BeanClassLoaderAware {

    /** Each module's properties as plain maps: registration needs only the names and the interface. */
    private static final Bindable<Map<String, Map<String, Object>>> MODULES = Bindable.of(ResolvableType.forClassWithGenerics(
            Map.class, ResolvableType.forClass(String.class), ResolvableType.forClassWithGenerics(Map.class, String.class, Object.class)));

    private Environment environment;
    private BeanFactory beanFactory;
    private ClassLoader classLoader;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Map<String, Map<String, Object>> modules = Binder.get(environment).bind("wasm.modules", MODULES).orElse(Map.of());
        modules.forEach((name, declaration) -> {
            if (registry.containsBeanDefinition(name)) {
                checkOwnModule(name, registry.getBeanDefinition(name));
            } else {
                RootBeanDefinition definition = new RootBeanDefinition(WasmModule.class,
                        () -> beanFactory.getBean(WasmModuleFactory.class).create(name));
                definition.setDescription("WebAssembly module '" + name + "' (wasm.modules." + name + ")");
                registry.registerBeanDefinition(name, definition);
            }
            Object api = declaration.get("interface");
            if (api instanceof String typeName && StringUtils.hasText(typeName)) {
                registerInterface(name, typeName.trim(), registry);
            }
        });
    }

    /** A bean that already has the module's name must be the application's own {@code WasmModule}. */
    private static void checkOwnModule(String name, BeanDefinition existing) {
        String type = existing instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() != null
                ? annotated.getFactoryMethodMetadata().getReturnTypeName() : existing.getBeanClassName();
        if (WasmModule.class.getName().equals(type)) {
            return;
        }
        String described = existing.getResourceDescription() != null ? " defined in " + existing.getResourceDescription() : "";
        throw new WasmSetupException(name, "wasm.modules." + name + " cannot become a bean named '" + name
                + "': that name is already taken by a bean of type " + (type != null ? type : "unknown") + described,
                "Rename the module (wasm.modules.<another-name>.location=...) or rename the other bean.");
    }

    private <T> void registerInterface(String moduleName, String typeName, BeanDefinitionRegistry registry) {
        Class<T> api = resolve(moduleName, typeName);
        String beanName = StringUtils.uncapitalize(api.getSimpleName());
        if (registry.containsBeanDefinition(beanName)) {
            return;
        }
        RootBeanDefinition definition = new RootBeanDefinition(api,
                () -> beanFactory.getBean(moduleName, WasmModule.class).bind(api));
        definition.setDescription(api.getName() + " backed by the exports of wasm module '" + moduleName + "'");
        registry.registerBeanDefinition(beanName, definition);
    }

    @SuppressWarnings("unchecked")
    private <T> Class<T> resolve(String moduleName, String typeName) {
        Class<?> type;
        try {
            type = ClassUtils.forName(typeName, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new WasmSetupException(moduleName, "wasm.modules." + moduleName + ".interface names class " + typeName
                    + ", which is not on the classpath", "Set it to the fully qualified name of a Java interface.", e);
        }
        if (!type.isInterface()) {
            throw new WasmSetupException(moduleName, "wasm.modules." + moduleName + ".interface names " + typeName
                    + ", which is not an interface", "Declare the module's exports in a Java interface and name it here.");
        }
        return (Class<T>) type;
    }
}
