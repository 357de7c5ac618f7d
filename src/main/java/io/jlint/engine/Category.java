package io.jlint.engine;

/** Finding categories. The first five are the mission's; their ids are part of the contract. */
public enum Category {
    CACHE_BUSTING("cache-busting"),
    UNMERGED_RUN("unmerged-run"),
    MISSING_CLEANUP("missing-cleanup"),
    ROOT_USER("root-user"),
    ENTRYPOINT_CMD("entrypoint-cmd"),
    BASE_IMAGE("base-image"),
    SECURITY("security"),
    CORRECTNESS("correctness"),
    MAINTAINABILITY("maintainability"),
    IMAGE_SIZE("image-size");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Category parse(String id) {
        for (Category c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }
}
