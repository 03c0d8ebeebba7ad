#!/usr/bin/env python3
"""Compiles one OCSF event class from the OCSF schema repository's source files into a JSON Schema
(draft 2020-12), for validating agentfence's --format ocsf output in a test without network access.

Usage: compile_json_schema.py OCSF_SCHEMA_CHECKOUT CLASS_NAME PROFILE[,PROFILE...] > out.json

What it does, following the OCSF compile rules: a class inherits its parents' attributes
("extends"), each attribute's type and enum come from dictionary.json overlaid by the class's or
object's own definition, "$include"d profile attributes are added (required only for the profiles
named on the command line), objects become $defs (with their own "extends" and constraints
"at_least_one"/"just_one"), *_id enums allow their listed integer values, and unknown properties
are rejected (additionalProperties false) except in the free-form "object".
"""
import json
import os
import sys

BASE = {"string_t": "string", "integer_t": "integer", "long_t": "integer", "float_t": "number",
        "boolean_t": "boolean"}


def load(root, rel):
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        return json.load(f)


class Compiler:
    def __init__(self, root, profiles):
        self.root = root
        self.profiles = set(profiles)
        d = load(root, "dictionary.json")
        self.dictionary = d["attributes"]
        self.types = d["types"]["attributes"]
        self.objects = {}
        for name in os.listdir(os.path.join(root, "objects")):
            o = load(root, os.path.join("objects", name))
            self.objects[o["name"]] = o
        self.events = {}
        for dirpath, _, files in os.walk(os.path.join(root, "events")):
            for name in files:
                if name.endswith(".json"):
                    e = load(root, os.path.relpath(os.path.join(dirpath, name), root))
                    self.events[e["name"]] = e
        self.defs = {}

    def attributes(self, source, table):
        """The attributes of a class or object with its parents' and included profiles'."""
        parent = source.get("extends")
        merged = {}
        if parent:
            merged = self.attributes(table[parent], table)
        own = dict(source.get("attributes", {}))
        for inc in own.pop("$include", []):
            profile = load(self.root, inc)
            applied = profile.get("name") in self.profiles
            for k, v in profile.get("attributes", {}).items():
                v = dict(v)
                if not applied:
                    v["requirement"] = "optional"
                merged[k] = {**merged.get(k, {}), **v}
        for k, v in own.items():
            merged[k] = {**merged.get(k, {}), **v}
        return merged

    def constraints(self, source, table):
        c = {}
        parent = source.get("extends")
        if parent:
            c.update(self.constraints(table[parent], table))
        c.update(source.get("constraints", {}))
        return c

    def type_schema(self, t):
        if t in BASE:
            return {"type": BASE[t]}
        if t == "json_t":
            return {}
        if t in self.types:
            return self.type_schema(self.types[t]["type"])
        if t == "object" or t == "object_t":
            return {"type": "object"}
        if t in self.objects:
            self.object_def(t)
            return {"$ref": "#/$defs/" + t}
        raise SystemExit("unknown type " + t)

    def attribute_schema(self, name, local):
        d = {**self.dictionary.get(name, {}), **local}
        if "type" not in d:
            raise SystemExit("attribute without type: " + name)
        s = self.type_schema(d["type"])
        enum = dict(self.dictionary.get(name, {}).get("enum", {}))
        enum.update(local.get("enum", {}))
        if enum and s.get("type") == "integer":
            s = {**s, "enum": sorted(int(k) for k in enum)}
        if d.get("is_array"):
            s = {"type": "array", "items": s}
        return s

    def shape(self, attrs, constraints, free_form=False):
        props = {k: self.attribute_schema(k, v) for k, v in sorted(attrs.items())}
        out = {"type": "object", "properties": props, "additionalProperties": free_form or not props}
        required = sorted(k for k, v in attrs.items() if v.get("requirement") == "required")
        if required:
            out["required"] = required
        if constraints.get("at_least_one"):
            out["anyOf"] = [{"required": [k]} for k in constraints["at_least_one"]]
        if constraints.get("just_one"):
            out["oneOf"] = [{"required": [k]} for k in constraints["just_one"]]
        return out

    def object_def(self, name):
        if name in self.defs:
            return
        self.defs[name] = {}  # placeholder against recursion
        o = self.objects[name]
        self.defs[name] = self.shape(self.attributes(o, self.objects), self.constraints(o, self.objects),
                                     free_form=(name == "object"))

    def event(self, name):
        e = self.events[name]
        category = load(self.root, "categories.json")["attributes"][self.category_of(e)]
        class_uid = category["uid"] * 1000 + e["uid"]
        attrs = self.attributes(e, self.events)
        schema = self.shape(attrs, self.constraints(e, self.events))
        schema["properties"]["class_uid"] = {"type": "integer", "const": class_uid}
        schema["properties"]["category_uid"] = {"type": "integer", "const": category["uid"]}
        activities = schema["properties"]["activity_id"].get("enum", [])
        schema["properties"]["type_uid"] = {"type": "integer", "enum": [class_uid * 100 + a for a in activities]}
        return class_uid, schema

    def category_of(self, e):
        while "category" not in e:
            e = self.events[e["extends"]]
        return e["category"]


def main():
    root, name, profiles = sys.argv[1], sys.argv[2], [p for p in sys.argv[3].split(",") if p]
    c = Compiler(root, profiles)
    version = load(root, "version.json")["version"]
    class_uid, schema = c.event(name)
    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://schema.ocsf.io/%s/classes/%s" % (version, name),
        "title": "OCSF %s %s (class_uid %d), profiles: %s" % (version, name, class_uid, ", ".join(profiles) or "none"),
        "$comment": "Compiled by docs/ocsf/compile_json_schema.py from the OCSF schema repository"
                    " (github.com/ocsf/ocsf-schema) at tag %s." % version,
        **schema,
        "$defs": {k: c.defs[k] for k in sorted(c.defs)},
    }
    json.dump(out, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
