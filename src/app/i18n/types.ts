/** A translation must have exactly the English resource's keys, with any string as each value. */
export type Translation<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
