package com.propertyaudit.ui.common;

/** Every screen's FXML file, in one place. */
public enum FxmlFile {
    MAIN("/com/propertyaudit/ui/main/main.fxml"),
    PORTFOLIO("/com/propertyaudit/ui/portfolio/portfolio.fxml"),
    PROPERTIES("/com/propertyaudit/ui/properties/properties.fxml"),
    RUN_AUDIT("/com/propertyaudit/ui/audit/run-audit.fxml"),
    INSIGHTS("/com/propertyaudit/ui/insights/insights.fxml"),
    HISTORY("/com/propertyaudit/ui/history/history.fxml"),
    SETTINGS("/com/propertyaudit/ui/settings/settings.fxml");

    private final String resource;

    FxmlFile(String resource) {
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}
