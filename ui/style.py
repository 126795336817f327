"""Small style rules shared by several widgets."""

# Keyboard-first: the platform style draws no focus frame on a checkbox (offscreen, Fusion and
# several Linux themes), so an agent tabbing through 匿名/保密 could not see where they were.
FOCUS_VISIBLE = """
QCheckBox:focus, QRadioButton:focus { background: #d6e8ff; border-radius: 3px; }
"""
