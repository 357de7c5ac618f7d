FROM quay.io/jupyter/minimal-notebook:2024-07-02
RUN mamba install --yes 'pandas' 'scikit-learn' && \
    mamba clean --all -f -y && \
    fix-permissions /opt/conda
USER 1000
