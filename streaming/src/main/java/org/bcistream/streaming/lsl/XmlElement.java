package org.bcistream.streaming.lsl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A small mutable XML element tree, the model of a stream's {@code <desc>}: each element has a name, a text value and
 * child elements, and no attributes (as liblsl's {@code xml_element}). Names must be XML names; the value is the
 * element's own text ({@code ""} if none). Not thread-safe.
 */
public final class XmlElement {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._:-]*");

    private String name;
    private String value = "";
    private final List<XmlElement> children = new ArrayList<>();
    private XmlElement parent;

    /**
     * A detached element.
     *
     * @throws LslArgumentException if {@code name} is not an XML name
     */
    public XmlElement(String name) {
        this.name = checkName(name);
    }

    /** The element name. */
    public String name() {
        return name;
    }

    /** Renames this element; returns this. */
    public XmlElement setName(String name) {
        this.name = checkName(name);
        return this;
    }

    /** The element's own text, {@code ""} if none. */
    public String value() {
        return value;
    }

    /** Sets the element's own text; returns this. */
    public XmlElement setValue(String value) {
        this.value = value == null ? "" : value;
        return this;
    }

    /** The child elements in document order (a read-only view). */
    public List<XmlElement> children() {
        return Collections.unmodifiableList(children);
    }

    /** The first child named {@code name}. */
    public Optional<XmlElement> child(String name) {
        for (XmlElement c : children) {
            if (c.name.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** All children named {@code name}, in document order. */
    public List<XmlElement> children(String name) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name.equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The value of the first child named {@code name}, {@code ""} if there is none (as liblsl's child_value). */
    public String childValue(String name) {
        return child(name).map(XmlElement::value).orElse("");
    }

    /** The parent element, empty for a root or detached element. */
    public Optional<XmlElement> parent() {
        return Optional.ofNullable(parent);
    }

    /** Appends a new empty child named {@code name} and returns the child. */
    public XmlElement appendChild(String name) {
        XmlElement c = new XmlElement(name);
        c.parent = this;
        children.add(c);
        return c;
    }

    /** Inserts a new empty child named {@code name} before all others and returns the child. */
    public XmlElement prependChild(String name) {
        XmlElement c = new XmlElement(name);
        c.parent = this;
        children.add(0, c);
        return c;
    }

    /** Appends a child named {@code name} with text {@code value}; returns this, for chaining. */
    public XmlElement appendChildValue(String name, String value) {
        appendChild(name).setValue(value);
        return this;
    }

    /** Sets the text of the first child named {@code name}, appending the child if missing; returns this. */
    public XmlElement setChildValue(String name, String value) {
        child(name).orElseGet(() -> appendChild(name)).setValue(value);
        return this;
    }

    /** Appends a deep copy of {@code element} (which is left untouched) and returns the copy. */
    public XmlElement appendCopy(XmlElement element) {
        XmlElement c = element.copy();
        c.parent = this;
        children.add(c);
        return c;
    }

    /** Removes {@code child} if it is a child of this element; returns whether it was. */
    public boolean removeChild(XmlElement child) {
        boolean removed = children.remove(child);
        if (removed) {
            child.parent = null;
        }
        return removed;
    }

    /** Removes all children named {@code name}; returns how many were removed. */
    public int removeChildren(String name) {
        List<XmlElement> named = children(name);
        named.forEach(this::removeChild);
        return named.size();
    }

    /** A deep, detached copy. */
    public XmlElement copy() {
        XmlElement c = new XmlElement(name).setValue(value);
        for (XmlElement child : children) {
            c.appendCopy(child);
        }
        return c;
    }

    /** Whether both trees have the same names, values and children in the same order. */
    public boolean sameTree(XmlElement other) {
        if (!name.equals(other.name) || !value.equals(other.value) || children.size() != other.children.size()) {
            return false;
        }
        for (int i = 0; i < children.size(); i++) {
            if (!children.get(i).sameTree(other.children.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "<" + name + ">" + (children.isEmpty() ? value : "(" + children.size() + " children)");
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new LslArgumentException("'" + name + "' is not an XML element name");
        }
        return name;
    }
}
