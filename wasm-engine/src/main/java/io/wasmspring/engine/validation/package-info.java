/**
 * Validation of decoded modules, following the spec's "Validation" chapter and its appendix
 * "Validation Algorithm": {@link io.wasmspring.engine.validation.Validator} is the entry point;
 * module-level rules, constant expressions and function bodies each have their own class, all
 * sharing one validation context (the spec's C).
 */
package io.wasmspring.engine.validation;
