/**
 * The function registry: scalar, aggregate and window functions, SQLite's built-ins first. Mirrors SQLite's func.c, func_math, date.c, json.c.
 */
package dev.panamax.func;
