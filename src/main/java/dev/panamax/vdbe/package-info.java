/**
 * The bytecode virtual machine: {@code Program}, opcodes named as SQLite names them, and {@code Vm}. Mirrors SQLite's vdbe.c.
 */
package dev.panamax.vdbe;
