"""The Reflex layer of the framework: base states, guards, shells and shared components."""
