// Writing text into the HTML pages the emulator serves (the pre-built UI, the console): everything
// that came from a request or the state is escaped, so a user called `<script>` is only a name.

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** A value as JSON inside `<script type="application/json">`, where only `<` could end the element early. */
export const jsonInHtml = (value: unknown): string => JSON.stringify(value).replaceAll("<", "\\u003c");
